package dev.apojwt.test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apojwt.AccessTable;
import dev.apojwt.ApoJwt;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The proof that the kit catches a weakened rule: a handler is compiled with the processor, and
 * then the same handler with one rule loosened. The loosened guard passes a matrix of its own table
 * (its table says what it does), but fails the matrix of the reviewed table, naming the method and
 * the case; and its table no longer matches the reviewed snapshot, which fails with the diff.
 */
@ApoJwtTest(adminPermission = "admin")
class WeakenedRuleProofTest {

  @Test
  void aLoosenedRuleFailsTheMatrixOfTheReviewedTableAndTheSnapshot(ApoJwt jwt, @TempDir Path dir) {
    Compiled reviewedBuild = Shop.compile();
    Compiled loosenedBuild =
        Shop.compileWith(
            "@PermissionRequired({Perms.ORDERS_WRITE, Perms.BILLING})", "@TokenRequired");
    AccessTable reviewed = reviewedBuild.table(Shop.GUARD);
    AccessTable loosened = loosenedBuild.table(Shop.GUARD);
    Class<?> handler = loosenedBuild.type(Shop.HANDLER);

    // The reviewed build passes, and its snapshot is written and reviewed.
    Compiled.check(
        reviewedBuild.type(Shop.HANDLER), reviewed, reviewedBuild.guard(Shop.GUARD, jwt), jwt);
    Path snapshot = dir.resolve("access-snapshot.txt");
    AccessSnapshotTest.withUpdateFlag(() -> AccessSnapshot.assertUnchanged(snapshot, reviewed));

    // The loosened guard does what its own table says: that alone would not show it.
    Compiled.check(handler, loosened, loosenedBuild.guard(Shop.GUARD, jwt), jwt);

    // Against the reviewed table, the matrix names the method and the cases.
    String matrix =
        assertThrows(
                AssertionFailedError.class,
                () -> Compiled.check(handler, reviewed, loosenedBuild.guard(Shop.GUARD, jwt), jwt))
            .getMessage();
    assertTrue(
        matrix.matches(
            "(?s).*invoice\\(java.lang.String, int, boolean\\)\\s+without orders:write\\s+"
                + "access \\[billing:read, orders:read, support\\]\\s+403 forbidden\\s+called\n.*"),
        matrix);
    assertTrue(
        matrix.matches(
            "(?s).*invoice\\(java.lang.String, int, boolean\\)\\s+without billing:read\\s+"
                + "access \\[orders:admin, orders:read, orders:write, support\\]\\s+403 forbidden"
                + "\\s+called\n.*"),
        matrix);

    // And the reviewed snapshot shows the change in review.
    AssertionFailedError diff =
        assertThrows(
            AssertionFailedError.class, () -> AccessSnapshot.assertUnchanged(snapshot, loosened));
    assertTrue(
        diff.getMessage()
            .contains(
                "   invoice(java.lang.String, int, boolean)\n"
                    + "-    @PermissionRequired({\"billing:read\", \"orders:write\"})\n"
                    + "-    accepts \"billing:read\": \"billing:read\"\n"
                    + "-    accepts \"orders:write\": \"orders:admin\" \"orders:write\"\n"
                    + "+    @TokenRequired\n"),
        diff.getMessage());
  }
}
