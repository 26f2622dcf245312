package dev.apojwt.test;

/**
 * The handler interface the matrix tests compile: every kind of rule, {@code @Implies}, a {@code
 * value} list, {@code anyOf}, bearer parameters, an asynchronous method and primitive parameters;
 * and its variants, each with one rule weakened.
 */
final class Shop {
  static final String HANDLER = "com.example.shop.Shop";
  static final String GUARD = "com.example.shop.GuardedShop";

  static final String PERMS =
      String.join(
          "\n",
          "package com.example.shop;",
          "import dev.apojwt.annotation.Implies;",
          "import dev.apojwt.annotation.PermissionCatalog;",
          "@PermissionCatalog",
          "public interface Perms {",
          "  String ORDERS_READ = \"orders:read\";",
          "  @Implies(ORDERS_READ) String ORDERS_WRITE = \"orders:write\";",
          "  @Implies(ORDERS_WRITE) String ORDERS_ADMIN = \"orders:admin\";",
          "  @Implies(ORDERS_READ) String SUPPORT = \"support\";",
          "  String BILLING = \"billing:read\";",
          "  String ADMIN = \"admin\";",
          "}");

  static final String SHOP =
      String.join(
          "\n",
          "package com.example.shop;",
          "import dev.apojwt.VerifiedRefresh;",
          "import dev.apojwt.annotation.*;",
          "import java.util.List;",
          "import java.util.Map;",
          "import java.util.concurrent.CompletionStage;",
          "public interface Shop {",
          "  @Public String health();",
          "  @TokenRequired List<String> mine(@TokenSubject String owner);",
          "  @PermissionRequired(Perms.ORDERS_READ) String get(String id);",
          "  @PermissionRequired({Perms.ORDERS_WRITE, Perms.BILLING})",
          "  long invoice(String id, int quantity, boolean rush);",
          "  @PermissionRequired(anyOf = {Perms.ORDERS_ADMIN, Perms.SUPPORT}) List<String> all();",
          "  @PermissionRequired(Perms.ORDERS_READ)",
          "  String byHeader(String id, @BearerToken String authorization);",
          "  @PermissionRequired(Perms.ORDERS_WRITE) CompletionStage<String> export(String format);",
          "  @Refresh String renew(@RefreshData Map<String, Object> data);",
          "  @Refresh String renewSession();",
          "  @Refresh String renewByCookie(@BearerToken String cookie, VerifiedRefresh refresh);",
          "}");

  private Shop() {}

  /** The shop as written. */
  static Compiled compile() {
    return Compiled.of("com.example.shop.Perms", PERMS, HANDLER, SHOP);
  }

  /** The shop with {@code from} in its handler replaced by {@code to}. */
  static Compiled compileWith(String from, String to) {
    return Compiled.of("com.example.shop.Perms", PERMS, HANDLER, replaced(SHOP, from, to));
  }

  /** The shop with {@code from} in its catalog replaced by {@code to}. */
  static Compiled compileWithCatalog(String from, String to) {
    return Compiled.of("com.example.shop.Perms", replaced(PERMS, from, to), HANDLER, SHOP);
  }

  private static String replaced(String source, String from, String to) {
    if (!source.contains(from)) {
      throw new AssertionError("the source has no " + from);
    }
    return source.replace(from, to);
  }
}
