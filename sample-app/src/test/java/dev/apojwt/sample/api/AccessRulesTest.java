package dev.apojwt.sample.api;

import dev.apojwt.ApoJwt;
import dev.apojwt.test.AccessMatrix;
import dev.apojwt.test.AccessSnapshot;
import dev.apojwt.test.ApoJwtTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: every guarded method refuses and admits exactly what its access table says
 * (the matrix), and the tables are the reviewed ones (the snapshot). A change of a rule fails here
 * until {@code src/test/resources/access-snapshot.txt} is rewritten with {@code
 * -Dapojwt.updateSnapshot=true}, so it shows up in review as a changed file.
 */
@ApoJwtTest(adminPermission = Perms.ADMIN)
class AccessRulesTest {
  @Test
  void theAccessRulesAreTheReviewedOnes() {
    AccessSnapshot.assertUnchanged(
        Path.of("src/test/resources/access-snapshot.txt"),
        GuardedSystemApi.accessTable(),
        GuardedAuthApi.accessTable(),
        GuardedAccountApi.accessTable(),
        GuardedOrdersApi.accessTable(),
        GuardedAdminApi.accessTable());
  }

  @Test
  void everyGuardRefusesAndAdmitsWhatItsTableSays(ApoJwt jwt) {
    AccessMatrix.check(
        SystemApi.class, GuardedSystemApi.accessTable(), d -> new GuardedSystemApi(d, jwt), jwt);
    AccessMatrix.check(
        AuthApi.class, GuardedAuthApi.accessTable(), d -> new GuardedAuthApi(d, jwt), jwt);
    AccessMatrix.check(
        AccountApi.class, GuardedAccountApi.accessTable(), d -> new GuardedAccountApi(d, jwt), jwt);
    AccessMatrix.check(
        OrdersApi.class, GuardedOrdersApi.accessTable(), d -> new GuardedOrdersApi(d, jwt), jwt);
    AccessMatrix.check(
        AdminApi.class, GuardedAdminApi.accessTable(), d -> new GuardedAdminApi(d, jwt), jwt);
  }
}
