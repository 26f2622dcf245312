package dev.apojwt;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every method of one handler interface requires: the rules a generated {@code
 * Guarded<Interface>} enforces, as data (from {@code GuardedOrders.accessTable()}), so a service
 * can print or serve them. Immutable.
 */
public final class AccessTable {
  private final String handler;
  private final List<AccessRule> rules;

  private AccessTable(String handler, List<AccessRule> rules) {
    this.handler = handler;
    this.rules = rules;
  }

  /**
   * The table of {@code handler} (qualified interface name) with its rules in declaration order.
   */
  public static AccessTable of(String handler, AccessRule... rules) {
    Objects.requireNonNull(handler, "handler");
    for (AccessRule rule : rules) {
      if (!rule.handler().equals(handler)) {
        throw new IllegalArgumentException(rule.signature() + " belongs to " + rule.handler());
      }
    }
    return new AccessTable(handler, List.of(rules));
  }

  /** The qualified name of the handler interface. */
  public String handler() {
    return handler;
  }

  /** One rule per guarded method, in declaration order. */
  public List<AccessRule> rules() {
    return rules;
  }

  /** The rule of the method with this signature, e.g. {@code get(java.lang.String)}. */
  public Optional<AccessRule> rule(String signature) {
    return rules.stream().filter(r -> r.signature().equals(signature)).findFirst();
  }

  /** One line per method: {@code handler.signature: KIND {permission=[accepted, ...]}}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (AccessRule rule : rules) {
      s.append(handler).append('.').append(rule).append('\n');
    }
    return s.toString();
  }
}
