package dev.apojwt.samplespring.auth;

import dev.apojwt.samplespring.api.Perms;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's users and their permissions. A demo: the passwords are in the source. A real service
 * keeps salted, slow password hashes (see sample-app's PBKDF2 users file) or leaves login to an
 * identity provider.
 */
final class DemoUsers {
  record User(String name, byte[] passwordDigest, List<String> permissions) {}

  private static final Map<String, User> USERS =
      Map.of(
          "alice", user("alice", "alice-demo", Perms.NOTES_READ),
          "bob", user("bob", "bob-demo", Perms.NOTES_WRITE),
          "carol", user("carol", "carol-demo", Perms.NOTES_ADMIN),
          "dave", user("dave", "dave-demo", Perms.SUPPORT),
          "root", user("root", "root-demo", Perms.ADMIN),
          "eve", user("eve", "eve-demo"));

  private DemoUsers() {}

  /** The user of {@code name} and {@code password}, compared in constant time, or empty. */
  static Optional<User> check(String name, String password) {
    User user = name == null ? null : USERS.get(name);
    byte[] given = digest(password == null ? "" : password);
    boolean matches = user != null && MessageDigest.isEqual(user.passwordDigest(), given);
    return matches ? Optional.of(user) : Optional.empty();
  }

  static Optional<User> named(String name) {
    return Optional.ofNullable(USERS.get(name));
  }

  private static User user(String name, String password, String... permissions) {
    return new User(name, digest(password), List.of(permissions));
  }

  private static byte[] digest(String password) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
