package dev.apojwt.spring;

import dev.apojwt.AccessRule;
import dev.apojwt.AccessTable;
import dev.apojwt.GuardFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The Actuator endpoint {@code apojwt} ({@code GET /actuator/apojwt} once exposed with {@code
 * management.endpoints.web.exposure.include=apojwt}): the access table of every handler interface
 * that a bean of the application implements, as the guards enforce it, for a reviewer or a
 * dashboard.
 *
 * <pre>{@code
 * {"handlers": {"com.example.NotesApi": {
 *     "beans": ["notesService"],
 *     "methods": [{"method": "mine(java.lang.String)", "rule": "TOKEN"},
 *                 {"method": "purge(java.lang.String)", "rule": "ALL_OF",
 *                  "permissions": ["notes:admin"], "accepted": {"notes:admin": ["notes:admin"]}}]}}}
 * }</pre>
 */
@Endpoint(id = "apojwt")
public class ApoJwtEndpoint {
  private final GuardRegistry registry;
  private final ListableBeanFactory beans;

  ApoJwtEndpoint(GuardRegistry registry, ListableBeanFactory beans) {
    this.registry = registry;
    this.beans = beans;
  }

  /** Every guarded handler interface of the application, by name. */
  @ReadOperation
  public Map<String, Object> accessTables() {
    Map<String, Object> handlers = new TreeMap<>();
    for (GuardFactory<?> factory : registry.factories()) {
      String[] names = beans.getBeanNamesForType(factory.handler(), true, false);
      if (names.length > 0) {
        Map<String, Object> handler = new LinkedHashMap<>();
        handler.put("beans", List.of(names));
        handler.put("methods", methods(factory.accessTable()));
        handlers.put(factory.handler().getName(), handler);
      }
    }
    return Map.of("handlers", handlers);
  }

  private static List<Map<String, Object>> methods(AccessTable table) {
    List<Map<String, Object>> methods = new ArrayList<>();
    for (AccessRule rule : table.rules()) {
      Map<String, Object> method = new LinkedHashMap<>();
      method.put("method", rule.signature());
      method.put("rule", rule.kind().name());
      if (!rule.permissions().isEmpty()) {
        method.put("permissions", rule.permissions());
        Map<String, Object> accepted = new LinkedHashMap<>();
        rule.accepted().forEach((permission, set) -> accepted.put(permission, sorted(set)));
        method.put("accepted", accepted);
      }
      if (rule.readsBearerParameter()) {
        method.put("bearerParameter", rule.bearerParameter());
      }
      methods.add(method);
    }
    return methods;
  }

  private static List<String> sorted(Set<String> set) {
    List<String> list = new ArrayList<>(set);
    list.sort(null);
    return list;
  }
}
