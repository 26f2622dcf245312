package dev.apojwt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where an identity provider's access tokens keep their permissions ({@code
 * Builder.permissionsClaim}): a top-level claim ({@code "scope"}), or a dotted path to a nested one
 * ({@code "realm_access.roles"}, Keycloak's), whose value is an array of strings or a
 * space-separated string (RFC 9068 section 2.2.3's {@code scope}). A top-level claim named exactly
 * the whole name (Auth0's {@code "https://example.com/roles"}) wins over the path.
 *
 * <p>apojwt's own {@code perms} is not read here: it stays the strict array of strings it always
 * was, read by {@link Claims}.
 */
final class PermissionsClaim {
  /** apojwt's claim, the default. */
  static final String PERMS = "perms";

  /** The claims apojwt reads for themselves, which cannot hold permissions as well. */
  private static final List<String> REGISTERED =
      List.of("exp", "nbf", "iat", "iss", "aud", "sub", "jti", "data", "sid");

  private final String name;
  private final String[] path;

  private PermissionsClaim(String name) {
    this.name = name;
    this.path = name.split("\\.", -1);
  }

  /**
   * The claim {@code name}, or null for apojwt's {@code perms}.
   *
   * @throws IllegalArgumentException for a blank name or a path with an empty step
   */
  static PermissionsClaim of(String name) {
    if (name.isBlank() || !name.strip().equals(name)) {
      throw new IllegalArgumentException("permissionsClaim must be a claim name without spaces");
    }
    if (name.equals(PERMS)) {
      return null;
    }
    PermissionsClaim claim = new PermissionsClaim(name);
    if (REGISTERED.contains(claim.path[0])) {
      throw new IllegalArgumentException(
          "permissionsClaim \""
              + name
              + "\" would read a claim apojwt reads itself ("
              + String.join(", ", REGISTERED)
              + "): name the claim that holds the permissions");
    }
    if (claim.path.length > 1) {
      for (String step : claim.path) {
        if (step.isEmpty()) {
          throw new IllegalArgumentException(
              "permissionsClaim \"" + name + "\" has an empty step between its dots");
        }
      }
    }
    return claim;
  }

  String name() {
    return name;
  }

  /** Whether the member {@code member} is the claim itself (not the first step of its path). */
  boolean isWholeName(String member) {
    return member.equals(name);
  }

  /** Whether the member {@code member} is the first step of a dotted path. */
  boolean isPathStart(String member) {
    return path.length > 1 && member.equals(path[0]);
  }

  /** The permissions in the current value, the claim itself. */
  List<String> readWhole(JsonParser parser) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      return split(parser.getText());
    }
    if (parser.currentToken() == JsonToken.START_ARRAY) {
      return StrictJson.stringArray(parser, name);
    }
    throw notPermissions();
  }

  /**
   * The permissions at the end of the path within the current value, the path's first step; null
   * when a step is missing (a token without permissions).
   */
  List<String> readPath(JsonParser parser) throws IOException {
    Object value = StrictJson.object(parser, path[0]);
    for (int i = 1; i < path.length; i++) {
      if (!(value instanceof Map)) {
        throw notPermissions();
      }
      value = ((Map<?, ?>) value).get(path[i]);
      if (value == null) {
        return null;
      }
    }
    if (value instanceof String) {
      return split((String) value);
    }
    if (value instanceof List) {
      List<String> permissions = new ArrayList<>();
      for (Object element : (List<?>) value) {
        if (!(element instanceof String)) {
          throw notPermissions();
        }
        permissions.add((String) element);
      }
      return permissions;
    }
    throw notPermissions();
  }

  private ApoJwtException notPermissions() {
    return Failures.malformed(
        "claim '" + name + "' is not an array of strings or a space-separated string");
  }

  /** RFC 6749 section 3.3: scope tokens separated by spaces. */
  private static List<String> split(String scope) {
    List<String> permissions = new ArrayList<>();
    for (String permission : scope.split(" ")) {
      if (!permission.isEmpty()) {
        permissions.add(permission);
      }
    }
    return permissions;
  }
}
