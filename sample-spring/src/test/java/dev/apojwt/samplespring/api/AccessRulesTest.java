package dev.apojwt.samplespring.api;

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
 * -Dapojwt.updateSnapshot=true}, so it shows up in review as a changed file. No Spring context: the
 * guards are the generated classes the starter puts in place of the {@code @Service}s, over an
 * {@code ApoJwt} with the admin permission of {@code application.properties}.
 */
@ApoJwtTest(adminPermission = Perms.ADMIN)
class AccessRulesTest {
  @Test
  void theAccessRulesAreTheReviewedOnes() {
    AccessSnapshot.assertUnchanged(
        Path.of("src/test/resources/access-snapshot.txt"),
        GuardedAuthApi.accessTable(),
        GuardedNotesApi.accessTable());
  }

  @Test
  void everyGuardRefusesAndAdmitsWhatItsTableSays(ApoJwt jwt) {
    AccessMatrix.check(
        AuthApi.class, GuardedAuthApi.accessTable(), d -> new GuardedAuthApi(d, jwt), jwt);
    AccessMatrix.check(
        NotesApi.class, GuardedNotesApi.accessTable(), d -> new GuardedNotesApi(d, jwt), jwt);
  }
}
