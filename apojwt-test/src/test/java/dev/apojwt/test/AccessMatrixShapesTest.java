package dev.apojwt.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apojwt.AccessRule;
import dev.apojwt.AccessTable;
import dev.apojwt.ApoJwt;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Handlers of every shape reach the matrix: methods inherited from a generic super interface (by
 * the signature the table names them with), varargs and generic methods, primitive and Optional
 * answers, nested and package-private interfaces; and a table that names a method the handler does
 * not have, or misses one it has.
 */
@ApoJwtTest
class AccessMatrixShapesTest {
  private static Compiled store;

  @BeforeAll
  static void compile() {
    store =
        Compiled.of(
            "com.example.store.Store",
            String.join(
                "\n",
                "package com.example.store;",
                "import dev.apojwt.annotation.*;",
                "import java.util.List;",
                "import java.util.Optional;",
                "public interface Store {",
                "  interface Readable<K> { @TokenRequired String find(K id); }",
                "  interface Repo<T extends Comparable<T>> extends Readable<String> {",
                "    @PermissionRequired(\"repo:write\") void save(T... items);",
                "    @PermissionRequired(\"repo:write\") void put(String key, T item);",
                "    @TokenRequired <R extends Number & Comparable<R>> R sum(List<? extends R> values);",
                "    @TokenRequired int size();",
                "    @TokenRequired char initial(long from, double ratio, byte b, short s, float f);",
                "    @Public Optional<String> peek(String key);",
                "  }",
                "}"),
            "com.example.store.Hidden",
            String.join(
                "\n",
                "package com.example.store;",
                "import dev.apojwt.annotation.*;",
                "interface Hidden {",
                "  @PermissionRequired(anyOf = {\"a\", \"b\"}) boolean secret(boolean flag);",
                "}"));
  }

  @Test
  void methodsInheritedFromAGenericInterfaceAreFoundByTheTablesSignatures(ApoJwt jwt) {
    AccessTable table = store.table("com.example.store.GuardedStore_Repo");
    assertEquals(
        List.of(
            "save(java.lang.Comparable[])",
            "put(java.lang.String, java.lang.Comparable)",
            "sum(java.util.List)",
            "size()",
            "initial(long, double, byte, short, float)",
            "peek(java.lang.String)",
            "find(java.lang.String)"),
        table.rules().stream().map(AccessRule::signature).collect(Collectors.toList()));
    Compiled.check(
        store.type("com.example.store.Store$Repo"),
        table,
        store.guard("com.example.store.GuardedStore_Repo", jwt),
        jwt);
  }

  @Test
  void aPackagePrivateHandlerIsChecked(ApoJwt jwt) {
    Compiled.check(
        store.type("com.example.store.Hidden"),
        store.table("com.example.store.GuardedHidden"),
        store.guard("com.example.store.GuardedHidden", jwt),
        jwt);
  }

  @Test
  void aTableAndAHandlerThatDisagreeOnTheMethodsFailListingBoth(ApoJwt jwt) {
    // The table of Readable alone, against Repo's guard: Repo's other methods are in no rule,
    // and a rule for a method Repo lacks is reported too.
    AccessTable readable = store.table("com.example.store.GuardedStore_Readable");
    AccessTable mismatched =
        AccessTable.of(
            "com.example.store.Store.Repo",
            AccessRule.forMethod("com.example.store.Store.Repo", "find(java.lang.String)").token(),
            AccessRule.forMethod("com.example.store.Store.Repo", "gone()").token());
    assertEquals(1, readable.rules().size());
    String message =
        assertThrows(
                AssertionFailedError.class,
                () ->
                    Compiled.check(
                        store.type("com.example.store.Store$Repo"),
                        mismatched,
                        store.guard("com.example.store.GuardedStore_Repo", jwt),
                        jwt))
            .getMessage();
    assertTrue(
        message.matches("(?s).*gone\\(\\)\\s+the method\\s+-\\s+in Repo\\s+none.*"), message);
    assertTrue(
        message.matches("(?s).*size\\(\\)\\s+its rule\\s+-\\s+in the table\\s+none.*"), message);
    assertTrue(message.startsWith("AccessMatrix: 7 of "), message);
  }
}
