package dev.apojwt.sample.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.apojwt.sample.web.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the accounts come from: a users file, or the built-in demo users.
 *
 * <p>A users file is JSON; passwords are stored only as hashes (make one with {@code java -jar
 * sample-app.jar hash-password}):
 *
 * <pre>{@code
 * {"users": [
 *   {"username": "alice", "password_hash": "pbkdf2-sha256$600000$...$...", "permissions": ["orders:read"]}
 * ]}
 * }</pre>
 */
public final class Users {
  /** The demo accounts: username -> (password, permissions). README lists them. */
  public static final Map<String, DemoUser> DEMO_USERS = demoUsers();

  /** A demo account with its clear-text demo password. */
  public static final class DemoUser {
    private final String password;
    private final List<String> permissions;

    DemoUser(String password, List<String> permissions) {
      this.password = password;
      this.permissions = permissions;
    }

    public String password() {
      return password;
    }

    public List<String> permissions() {
      return permissions;
    }
  }

  private static Map<String, DemoUser> demoUsers() {
    Map<String, DemoUser> users = new LinkedHashMap<>();
    users.put("alice", new DemoUser("alice-demo", List.of("orders:read")));
    users.put("bob", new DemoUser("bob-demo", List.of("orders:write")));
    users.put("carol", new DemoUser("carol-demo", List.of("orders:admin")));
    users.put("dave", new DemoUser("dave-demo", List.of("support")));
    users.put("root", new DemoUser("root-demo", List.of("admin")));
    // A customer: may log in and see their own orders, holds no permission.
    users.put("eve", new DemoUser("eve-demo", List.of()));
    return java.util.Collections.unmodifiableMap(users);
  }

  private Users() {}

  /** The demo users, their demo passwords hashed now with {@code hasher}. */
  public static List<User> demo(PasswordHasher hasher, Set<String> knownPermissions) {
    List<User> users = new ArrayList<>();
    DEMO_USERS.forEach(
        (name, demo) -> {
          checkPermissions(name, demo.permissions(), knownPermissions);
          users.add(
              new User(
                  name,
                  PasswordHasher.PasswordHash.parse(hasher.hash(demo.password().toCharArray())),
                  new LinkedHashSet<>(demo.permissions())));
        });
    return users;
  }

  /**
   * The users in {@code file}.
   *
   * @throws IllegalArgumentException naming the file and what is wrong in it
   */
  public static List<User> load(Path file, Set<String> knownPermissions) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read users file " + file + ": " + e, e);
    }
    try {
      return parse(text, knownPermissions);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("users file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The users in a users file's {@code text}. */
  static List<User> parse(String text, Set<String> knownPermissions) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not valid JSON (line " + e.getLocation().getLineNr() + ")");
    }
    if (root == null || !root.isObject() || !root.path("users").isArray()) {
      throw new IllegalArgumentException("expected an object {\"users\": [...]}");
    }
    List<User> users = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : root.get("users")) {
      String where = "users[" + index++ + "]";
      if (!entry.isObject()) {
        throw new IllegalArgumentException(where + " must be an object");
      }
      for (Iterator<String> fields = entry.fieldNames(); fields.hasNext(); ) {
        String field = fields.next();
        if (!Set.of("username", "password_hash", "permissions").contains(field)) {
          throw new IllegalArgumentException(
              where + " has an unknown field; allowed: username, password_hash, permissions");
        }
      }
      String username = text(entry, "username", where);
      where = where + " (" + username + ")";
      PasswordHasher.PasswordHash hash;
      try {
        hash = PasswordHasher.PasswordHash.parse(text(entry, "password_hash", where));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage());
      }
      JsonNode perms = entry.path("permissions");
      if (!perms.isArray()) {
        throw new IllegalArgumentException(where + ": permissions must be an array of strings");
      }
      List<String> permissions = new ArrayList<>();
      for (JsonNode p : perms) {
        if (!p.isTextual()) {
          throw new IllegalArgumentException(where + ": permissions must be an array of strings");
        }
        permissions.add(p.textValue());
      }
      checkPermissions(username, permissions, knownPermissions);
      try {
        users.add(new User(username, hash, new LinkedHashSet<>(permissions)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage());
      }
    }
    if (users.isEmpty()) {
      throw new IllegalArgumentException("lists no users");
    }
    return users;
  }

  private static String text(JsonNode entry, String field, String where) {
    JsonNode value = entry.get(field);
    if (value == null || !value.isTextual() || value.textValue().isBlank()) {
      throw new IllegalArgumentException(where + ": " + field + " must be a non-blank string");
    }
    return value.textValue();
  }

  /** A permission the service does not know would be silently useless: refuse it. */
  private static void checkPermissions(
      String username, List<String> permissions, Set<String> knownPermissions) {
    for (String permission : permissions) {
      if (!knownPermissions.contains(permission)) {
        throw new IllegalArgumentException(
            "user '"
                + username
                + "' has unknown permission '"
                + permission
                + "'; known: "
                + String.join(", ", knownPermissions));
      }
    }
  }
}
