package dev.apojwt.sample.auth;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts that may log in. Checking a password costs the same PBKDF2 work whether or not the
 * user exists, so response times do not tell which usernames exist. Immutable and thread-safe.
 */
public final class UserStore {
  private final Map<String, User> users;

  /** Verified instead of a real hash when the username is unknown. */
  private final PasswordHasher.PasswordHash decoy;

  /**
   * A store of {@code users}; {@code hasher} makes the decoy hash for unknown users, with at least
   * as many iterations as the costliest stored hash.
   */
  public UserStore(Collection<User> users, PasswordHasher hasher) {
    Map<String, User> byName = new LinkedHashMap<>();
    int maxIterations = hasher.iterations();
    for (User user : users) {
      if (byName.putIfAbsent(user.username(), user) != null) {
        throw new IllegalArgumentException("user '" + user.username() + "' is listed twice");
      }
      maxIterations = Math.max(maxIterations, user.passwordHash().iterations());
    }
    this.users = java.util.Collections.unmodifiableMap(byName);
    PasswordHasher decoyHasher = new PasswordHasher(maxIterations, new SecureRandom());
    char[] random = new char[16];
    SecureRandom r = new SecureRandom();
    for (int i = 0; i < random.length; i++) {
      random[i] = (char) ('a' + r.nextInt(26));
    }
    this.decoy = PasswordHasher.PasswordHash.parse(decoyHasher.hash(random));
  }

  /**
   * The user named {@code username} if {@code password} is theirs; empty for a wrong password and
   * for an unknown user alike, after the same amount of work.
   */
  public Optional<User> authenticate(String username, char[] password) {
    User user = users.get(username);
    boolean matches = PasswordHasher.verify(password, user != null ? user.passwordHash() : decoy);
    return matches && user != null ? Optional.of(user) : Optional.empty();
  }

  /** The user named {@code username}, if there is one. */
  public Optional<User> find(String username) {
    return Optional.ofNullable(users.get(username));
  }

  /** Every user, in the order they were configured. */
  public List<User> all() {
    return List.copyOf(users.values());
  }
}
