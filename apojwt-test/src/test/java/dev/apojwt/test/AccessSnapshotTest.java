package dev.apojwt.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apojwt.AccessRule;
import dev.apojwt.AccessTable;
import dev.apojwt.PermissionHierarchy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The snapshot's text, and its pass, fail and update paths. */
class AccessSnapshotTest {
  private static final String ORDERS = "com.example.Orders";
  private static final PermissionHierarchy HIERARCHY =
      PermissionHierarchy.of(Map.of("orders:write", Set.of("orders:read")));

  @TempDir Path dir;

  static AccessTable orders(boolean loosened) {
    return AccessTable.of(
        ORDERS,
        AccessRule.forMethod(ORDERS, "list()").token(),
        loosened
            ? AccessRule.forMethod(ORDERS, "get(java.lang.String)").token()
            : AccessRule.forMethod(ORDERS, "get(java.lang.String)").allOf(HIERARCHY, "orders:read"),
        AccessRule.forMethod(ORDERS, "health()").open(),
        AccessRule.forMethod(ORDERS, "byHeader(java.lang.String)")
            .bearerParameter(0)
            .anyOf(HIERARCHY, "support", "orders:write"),
        AccessRule.forMethod(ORDERS, "renew(java.lang.String)").bearerParameter(0).refresh(),
        AccessRule.forMethod(ORDERS, "refresh()").refresh(),
        AccessRule.forMethod(ORDERS, "audit()").allOf(HIERARCHY, "orders:write", "audit"));
  }

  static AccessTable billing() {
    String billing = "com.example.Billing";
    return AccessTable.of(
        billing,
        AccessRule.forMethod(billing, "pay(long)")
            .allOf(PermissionHierarchy.none(), "pay \"now\""));
  }

  /** Runs {@code action} with the update flag set, and restores the property afterwards. */
  static void withUpdateFlag(Runnable action) {
    String before = System.getProperty(AccessSnapshot.UPDATE_PROPERTY);
    System.setProperty(AccessSnapshot.UPDATE_PROPERTY, "true");
    try {
      action.run();
    } finally {
      if (before == null) {
        System.clearProperty(AccessSnapshot.UPDATE_PROPERTY);
      } else {
        System.setProperty(AccessSnapshot.UPDATE_PROPERTY, before);
      }
    }
  }

  @Test
  void theTextIsSortedOneBlockPerMethodWithTheRuleAsItsAnnotation() {
    assertEquals(
        SnapshotText.HEADER
            + "\n"
            + "com.example.Billing\n"
            + "  pay(long)\n"
            + "    @PermissionRequired(\"pay \\\"now\\\"\")\n"
            + "    accepts \"pay \\\"now\\\"\": \"pay \\\"now\\\"\"\n"
            + "    token: finder\n"
            + "\n"
            + "com.example.Orders\n"
            + "  audit()\n"
            + "    @PermissionRequired({\"audit\", \"orders:write\"})\n"
            + "    accepts \"audit\": \"audit\"\n"
            + "    accepts \"orders:write\": \"orders:write\"\n"
            + "    token: finder\n"
            + "  byHeader(java.lang.String)\n"
            + "    @PermissionRequired(anyOf = {\"orders:write\", \"support\"})\n"
            + "    accepts \"orders:write\": \"orders:write\"\n"
            + "    accepts \"support\": \"support\"\n"
            + "    token: parameter 0 (@BearerToken)\n"
            + "  get(java.lang.String)\n"
            + "    @PermissionRequired(\"orders:read\")\n"
            + "    accepts \"orders:read\": \"orders:read\" \"orders:write\"\n"
            + "    token: finder\n"
            + "  health()\n"
            + "    @Public\n"
            + "    token: none\n"
            + "  list()\n"
            + "    @TokenRequired\n"
            + "    token: finder\n"
            + "  refresh()\n"
            + "    @Refresh\n"
            + "    token: refresh finder\n"
            + "  renew(java.lang.String)\n"
            + "    @Refresh\n"
            + "    token: refresh parameter 0 (@BearerToken)\n",
        AccessSnapshot.text(orders(false), billing()));
    assertEquals(
        AccessSnapshot.text(orders(false), billing()),
        AccessSnapshot.text(billing(), orders(false)));
  }

  @Test
  void anUnchangedSnapshotPassesAlsoWithWindowsLineEndingsOrOtherComments() throws IOException {
    Path file = dir.resolve("snapshot.txt");
    String text = AccessSnapshot.text(orders(false));
    Files.writeString(file, text);
    AccessSnapshot.assertUnchanged(file, orders(false));

    Files.writeString(file, "\uFEFF" + text.replace("\n", "\r\n"));
    AccessSnapshot.assertUnchanged(file, orders(false));

    Files.writeString(
        file, "# reviewed by the security team\n" + text.replace(SnapshotText.HEADER, ""));
    AccessSnapshot.assertUnchanged(file, orders(false));
  }

  @Test
  void aChangedRuleFailsWithAUnifiedDiffAndTheFlagThatRewritesTheFile() throws IOException {
    Path file = dir.resolve("snapshot.txt");
    Files.writeString(file, AccessSnapshot.text(orders(false)));
    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class, () -> AccessSnapshot.assertUnchanged(file, orders(true)));
    String message = e.getMessage();
    assertTrue(
        message.contains(
            "--- "
                + file
                + "\n+++ access tables now\n"
                + "@@ -17,8 +17,7 @@\n"
                + "     accepts \"support\": \"support\"\n"
                + "     token: parameter 0 (@BearerToken)\n"
                + "   get(java.lang.String)\n"
                + "-    @PermissionRequired(\"orders:read\")\n"
                + "-    accepts \"orders:read\": \"orders:read\" \"orders:write\"\n"
                + "+    @TokenRequired\n"
                + "     token: finder\n"
                + "   health()\n"
                + "     @Public\n"),
        message);
    assertTrue(message.contains("-Dapojwt.updateSnapshot=true"), message);
    // IDEs show the two texts side by side.
    assertEquals(AccessSnapshot.text(orders(false)), e.getExpected().getValue());
    assertEquals(AccessSnapshot.text(orders(true)), e.getActual().getValue());
    assertEquals(AccessSnapshot.text(orders(false)), Files.readString(file), "left as it was");
  }

  @Test
  void aMissingSnapshotFailsWithWhatToDoAndIsNotWritten() {
    Path file = dir.resolve("src/test/resources/access-snapshot.txt");
    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class, () -> AccessSnapshot.assertUnchanged(file, orders(false)));
    assertTrue(
        e.getMessage()
            .startsWith(
                "No access snapshot at "
                    + file.toAbsolutePath()
                    + ". Write it by running the tests once with -Dapojwt.updateSnapshot=true,"
                    + " review it, and commit it."),
        e.getMessage());
    assertTrue(e.getMessage().contains("  get(java.lang.String)\n"), e.getMessage());
    assertFalse(Files.exists(file));
  }

  @Test
  void theUpdateFlagWritesAMissingSnapshotAndRewritesAChangedOne() throws IOException {
    Path file = dir.resolve("src/test/resources/access-snapshot.txt");
    withUpdateFlag(() -> AccessSnapshot.assertUnchanged(file, orders(false)));
    assertEquals(
        AccessSnapshot.text(orders(false)), Files.readString(file, StandardCharsets.UTF_8));

    withUpdateFlag(() -> AccessSnapshot.assertUnchanged(file, orders(true)));
    assertEquals(AccessSnapshot.text(orders(true)), Files.readString(file, StandardCharsets.UTF_8));
    AccessSnapshot.assertUnchanged(file, orders(true));

    // The flag was restored: without it, a change fails again.
    assertEquals(null, System.getProperty(AccessSnapshot.UPDATE_PROPERTY));
    assertThrows(
        AssertionFailedError.class, () -> AccessSnapshot.assertUnchanged(file, orders(false)));
  }

  @Test
  void twoTablesOfOneHandlerAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> AccessSnapshot.text(orders(false), orders(true)));
    assertEquals("two access tables of com.example.Orders", e.getMessage());
  }

  @Test
  void permissionNamesAreWrittenAsJavaStringLiteralsOnOneLine() {
    assertEquals("\"a\\\\b\\u000a\\u00a0c\\\"\"", SnapshotText.quoted("a\\b\n\u00a0c\""));
    assertEquals("\"caf\u00e9\"", SnapshotText.quoted("caf\u00e9"));
  }
}
