package dev.apojwt;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The access rule of one handler method, prepared once when a guard class is loaded: what kind of
 * token it needs, which permissions (with the set each check accepts after {@code @Implies}), and
 * where the token comes from. Generated guards hold one per method; together they are the guard's
 * {@link AccessTable}, so what a service reports is exactly what it enforces. Immutable.
 *
 * <pre>{@code
 * static final AccessRule GET = AccessRule.forMethod("com.example.Orders", "get(java.lang.String)")
 *     .allOf(PermsHierarchy.HIERARCHY, "orders:read");
 * }</pre>
 */
public final class AccessRule {

  /** The rule's kind, one per access annotation. */
  public enum Kind {
    /** {@code @Public}: no token. */
    PUBLIC,
    /** {@code @TokenRequired}: a valid access token. */
    TOKEN,
    /** {@code @PermissionRequired(value)}: an access token holding every listed permission. */
    ALL_OF,
    /** {@code @PermissionRequired(anyOf)}: an access token holding at least one. */
    ANY_OF,
    /** {@code @Refresh}: a valid refresh token. */
    REFRESH
  }

  private final String handler;
  private final String signature;
  private final String methodName;
  private final Kind kind;
  private final int bearerParameter;
  private final List<String> permissions;
  private final Map<String, Set<String>> accepted;

  /** {@code accepted} as arrays: the per-call check is a few string comparisons. */
  private final String[][] acceptedArrays;

  /** For ANY_OF: every accepted permission of every listed one. */
  private final Set<String> anyAccepted;

  /** The log detail of a 403, made once: refusing costs no more than accepting. */
  final String forbiddenDetail;

  private AccessRule(Builder b, Kind kind, PermissionHierarchy hierarchy, String[] listed) {
    this.handler = b.handler;
    this.signature = b.signature;
    int paren = b.signature.indexOf('(');
    this.methodName = paren < 0 ? b.signature : b.signature.substring(0, paren);
    this.kind = kind;
    this.bearerParameter = b.bearerParameter;
    this.permissions = List.of(listed);
    Map<String, Set<String>> acceptedMap = new LinkedHashMap<>();
    this.acceptedArrays = new String[listed.length][];
    Set<String> union = new HashSet<>();
    for (int i = 0; i < listed.length; i++) {
      Set<String> set = hierarchy.acceptedFor(listed[i]);
      acceptedMap.put(listed[i], set);
      acceptedArrays[i] = set.toArray(new String[0]);
      union.addAll(set);
    }
    this.accepted = Collections.unmodifiableMap(acceptedMap);
    this.anyAccepted = Collections.unmodifiableSet(union);
    this.forbiddenDetail = "token lacks a permission that " + b.signature + " requires";
  }

  /**
   * Starts the rule of method {@code signature} (e.g. {@code "get(java.lang.String)"}) of the
   * handler interface {@code handler} (its qualified name). <b>Called by generated guards</b>,
   * which make their rules once, when they are loaded; application code reads rules from {@code
   * Guarded*.accessTable()} (and may make one to test a {@link TokenFinder} with {@link
   * Invocation#of}).
   */
  public static Builder forMethod(String handler, String signature) {
    return new Builder(handler, signature);
  }

  /** Builds an {@link AccessRule}; called by generated guards. */
  public static final class Builder {
    private final String handler;
    private final String signature;
    private int bearerParameter = -1;

    private Builder(String handler, String signature) {
      this.handler = Objects.requireNonNull(handler, "handler");
      this.signature = Objects.requireNonNull(signature, "signature");
    }

    /**
     * The token is the argument at {@code index} (a {@code @BearerToken String}), not what the
     * configured finder returns.
     */
    public Builder bearerParameter(int index) {
      if (index < 0) {
        throw new IllegalArgumentException("a parameter index is not negative");
      }
      this.bearerParameter = index;
      return this;
    }

    /** {@code @Public}. */
    public AccessRule open() {
      if (bearerParameter >= 0) {
        throw new IllegalArgumentException("a public method reads no token");
      }
      return new AccessRule(this, Kind.PUBLIC, PermissionHierarchy.none(), new String[0]);
    }

    /** {@code @TokenRequired}. */
    public AccessRule token() {
      return new AccessRule(this, Kind.TOKEN, PermissionHierarchy.none(), new String[0]);
    }

    /**
     * {@code @PermissionRequired({...})}: every permission, each satisfied as {@code hierarchy}
     * says.
     */
    public AccessRule allOf(PermissionHierarchy hierarchy, String... permissions) {
      return new AccessRule(this, Kind.ALL_OF, hierarchy, checked(permissions));
    }

    /** {@code @PermissionRequired(anyOf = {...})}: at least one. */
    public AccessRule anyOf(PermissionHierarchy hierarchy, String... permissions) {
      return new AccessRule(this, Kind.ANY_OF, hierarchy, checked(permissions));
    }

    /** {@code @Refresh}. */
    public AccessRule refresh() {
      return new AccessRule(this, Kind.REFRESH, PermissionHierarchy.none(), new String[0]);
    }

    private static String[] checked(String[] permissions) {
      if (permissions.length == 0) {
        throw new IllegalArgumentException("list at least one permission");
      }
      Set<String> seen = new HashSet<>();
      for (String permission : permissions) {
        if (permission == null || permission.isBlank() || !permission.strip().equals(permission)) {
          throw new IllegalArgumentException("permission names are non-blank and unpadded");
        }
        if (!seen.add(permission)) {
          throw new IllegalArgumentException("permission listed twice: " + permission);
        }
      }
      return permissions.clone();
    }
  }

  /** The qualified name of the handler interface. */
  public String handler() {
    return handler;
  }

  /** The method's name and parameter types, e.g. {@code get(java.lang.String)}. */
  public String signature() {
    return signature;
  }

  /** The method's name. */
  public String methodName() {
    return methodName;
  }

  public Kind kind() {
    return kind;
  }

  /** The permissions as declared (empty unless ALL_OF or ANY_OF). */
  public List<String> permissions() {
    return permissions;
  }

  /**
   * For each declared permission, the permissions a token may hold instead: itself and every
   * permission that implies it. The admin permission configured on {@link ApoJwt} passes too.
   */
  public Map<String, Set<String>> accepted() {
    return accepted;
  }

  /** The index of the {@code @BearerToken} parameter, or -1 when the finder is asked. */
  public int bearerParameter() {
    return bearerParameter;
  }

  /** Whether the token is read from a {@code @BearerToken} parameter. */
  public boolean readsBearerParameter() {
    return bearerParameter >= 0;
  }

  /**
   * Whether {@code token} satisfies the permission part of this rule, given the admin permission.
   */
  boolean permits(VerifiedToken token, String adminPermission) {
    if (kind != Kind.ALL_OF && kind != Kind.ANY_OF) {
      return true;
    }
    PermissionSet held = token.permissionSet();
    if (adminPermission != null && held.contains(adminPermission)) {
      return true;
    }
    if (kind == Kind.ANY_OF) {
      return held.anyIn(anyAccepted);
    }
    for (String[] acceptable : acceptedArrays) {
      if (!held.containsAny(acceptable)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(signature).append(": ").append(kind);
    if (!permissions.isEmpty()) {
      s.append(' ').append(accepted);
    }
    if (bearerParameter >= 0) {
      s.append(" (token from parameter ").append(bearerParameter).append(')');
    }
    return s.toString();
  }
}
