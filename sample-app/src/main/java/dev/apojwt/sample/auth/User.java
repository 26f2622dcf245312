package dev.apojwt.sample.auth;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** An account: its name (the tokens' subject), password hash and permissions. Immutable. */
public final class User {
  /** What a username may look like: it becomes the tokens' {@code sub} and appears in logs. */
  static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private final String username;
  private final PasswordHasher.PasswordHash passwordHash;
  private final Set<String> permissions;

  public User(String username, PasswordHasher.PasswordHash passwordHash, Set<String> permissions) {
    this.username = Objects.requireNonNull(username, "username");
    if (!USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException(
          "a username has 1 to 64 characters from A-Z a-z 0-9 . _ @ -");
    }
    this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    this.permissions = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(permissions));
  }

  public String username() {
    return username;
  }

  PasswordHasher.PasswordHash passwordHash() {
    return passwordHash;
  }

  /** The permissions written into this user's access tokens, in declaration order. */
  public Set<String> permissions() {
    return permissions;
  }

  @Override
  public String toString() {
    return "User[" + username + ", permissions=" + permissions + "]";
  }
}
