package dev.apojwt.sample.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersTest {
  private static final Set<String> KNOWN = Set.of("orders:read", "orders:write", "admin");
  private final PasswordHasher hasher = new PasswordHasher(1000, new SecureRandom());

  @Test
  void demoUsersLogInWithTheirDemoPasswords() {
    UserStore store =
        new UserStore(
            Users.demo(
                hasher, Set.of("orders:read", "orders:write", "orders:admin", "support", "admin")),
            hasher);
    assertEquals(
        List.of("alice", "bob", "carol", "dave", "root", "eve"),
        store.all().stream().map(User::username).toList());
    Users.DEMO_USERS.forEach(
        (name, demo) -> {
          User user = store.authenticate(name, demo.password().toCharArray()).orElseThrow();
          assertEquals(Set.copyOf(demo.permissions()), user.permissions());
        });
    assertTrue(store.authenticate("alice", "bob-demo".toCharArray()).isEmpty());
    assertTrue(store.authenticate("mallory", "alice-demo".toCharArray()).isEmpty());
  }

  @Test
  void demoUsersMustUseKnownPermissions() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Users.demo(hasher, Set.of("admin")));
    assertTrue(e.getMessage().contains("unknown permission"), e.getMessage());
  }

  @Test
  void loadsAUsersFile(@TempDir Path dir) throws IOException {
    String hash = hasher.hash("s3cret".toCharArray());
    Path file = dir.resolve("users.json");
    Files.writeString(
        file,
        "{\"users\": [{\"username\": \"erin\", \"password_hash\": \""
            + hash
            + "\", \"permissions\": [\"orders:read\", \"orders:write\"]},"
            + " {\"username\": \"frank\", \"password_hash\": \""
            + hasher.hash("other".toCharArray())
            + "\", \"permissions\": []}]}");
    UserStore store = new UserStore(Users.load(file, KNOWN), hasher);
    User erin = store.authenticate("erin", "s3cret".toCharArray()).orElseThrow();
    assertEquals(List.of("orders:read", "orders:write"), List.copyOf(erin.permissions()));
    assertTrue(store.find("frank").orElseThrow().permissions().isEmpty());
    assertFalse(store.authenticate("frank", "s3cret".toCharArray()).isPresent());
  }

  @Test
  void refusesBadUsersFilesWithAClearMessage() {
    String hash = hasher.hash("pw".toCharArray());
    String[][] cases = {
      {"not json", "not valid JSON"},
      {"[]", "expected an object"},
      {"{\"users\": []}", "lists no users"},
      {
        "{\"users\": [{\"username\": \"a\", \"password_hash\": \""
            + hash
            + "\", \"permissions\": [\"orders:delete\"]}]}",
        "unknown permission 'orders:delete'"
      },
      {
        "{\"users\": [{\"username\": \"a\", \"password\": \"plain\", \"permissions\": []}]}",
        "unknown field"
      },
      {
        "{\"users\": [{\"username\": \"a\", \"password_hash\": \"plain\", \"permissions\": []}]}",
        "a password hash has the form"
      },
      {
        "{\"users\": [{\"username\": \"a b\", \"password_hash\": \""
            + hash
            + "\", \"permissions\": []}]}",
        "a username has"
      },
      {
        "{\"users\": [{\"username\": \"a\", \"password_hash\": \""
            + hash
            + "\", \"permissions\": \"admin\"}]}",
        "permissions must be an array"
      },
      {"{\"users\": [], \"users\": []}", "not valid JSON"},
    };
    for (String[] c : cases) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Users.parse(c[0], KNOWN), c[0]);
      assertTrue(e.getMessage().contains(c[1]), () -> c[0] + " -> " + e.getMessage());
    }
    String twice =
        "{\"users\": [{\"username\": \"a\", \"password_hash\": \""
            + hash
            + "\", \"permissions\": []},"
            + "{\"username\": \"a\", \"password_hash\": \""
            + hash
            + "\", \"permissions\": []}]}";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new UserStore(Users.parse(twice, KNOWN), hasher));
    assertTrue(e.getMessage().contains("listed twice"), e.getMessage());
  }

  @Test
  void namesTheFileThatCannotBeRead(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Users.load(missing, KNOWN));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }
}
