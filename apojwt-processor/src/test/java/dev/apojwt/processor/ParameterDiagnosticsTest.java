package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.apojwt.processor.DiagnosticAssertions.assertError;
import static dev.apojwt.processor.DiagnosticAssertions.assertGenerated;
import static dev.apojwt.processor.TestCompiler.compile;
import static dev.apojwt.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Compile error 7: injected parameters of the wrong type, two injections on one parameter,
 * injections the method's rule does not allow, and {@code @BearerToken} parameters.
 */
class ParameterDiagnosticsTest {
  private JavaFileObject handler(String method) {
    return source(
        "com.example.Orders",
        "package com.example;",
        "import dev.apojwt.VerifiedRefresh;",
        "import dev.apojwt.VerifiedToken;",
        "import dev.apojwt.annotation.*;",
        "import java.util.*;",
        "public interface Orders {",
        "  " + method,
        "}");
  }

  private void assertParameterError(String method, String message, String line) {
    JavaFileObject orders = handler(method);
    Compilation c = compile(orders);
    assertError(c, 1, message, orders, line);
    assertGenerated(List.of(), orders);
  }

  @Test
  void tokenSubjectOfTheWrongType() {
    assertParameterError(
        "@TokenRequired String mine(@TokenSubject Object user, @TokenSubject int id);",
        "@TokenSubject needs a parameter that accepts String, but id is int: change the"
            + " parameter type to String",
        "mine(");
  }

  @Test
  void tokenDataOfTheWrongType() {
    assertParameterError(
        "@TokenRequired String mine(@TokenData Map<String, String> data);",
        "@TokenData needs a parameter that accepts Map<String, Object>, but data is"
            + " Map<String, String>: change the parameter type to Map<String, Object>",
        "mine(");
  }

  @Test
  void tokenPermissionsOfTheWrongType() {
    assertParameterError(
        "@TokenRequired String mine(@TokenPermissions List<String> perms);",
        "@TokenPermissions needs a parameter that accepts Set<String>, but perms is"
            + " List<String>",
        "mine(");
  }

  @Test
  void refreshDataOfTheWrongType() {
    assertParameterError(
        "@Refresh String renew(@RefreshData String data);",
        "@RefreshData needs a parameter that accepts Map<String, Object>, but data is String",
        "renew(");
  }

  @Test
  void supertypesOfTheInjectedTypeAreAccepted() {
    JavaFileObject orders =
        handler(
            "@TokenRequired String mine(@TokenSubject CharSequence user,"
                + " @TokenData Map<String, ?> data, @TokenPermissions Collection<String> p);");
    assertThat(compile(orders)).succeededWithoutWarnings();
  }

  @Test
  void injectedTypesAreCheckedAsSeenFromTheHandler() {
    JavaFileObject base =
        source(
            "com.example.Base",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Base<M> {",
            "  String who(@TokenData M data);",
            "}");
    JavaFileObject good =
        source(
            "com.example.Good",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Good extends Base<java.util.Map<String, Object>> {}");
    assertThat(compile(base, good)).succeededWithoutWarnings();
    JavaFileObject bad =
        source(
            "com.example.Bad",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Bad extends Base<String> {}");
    assertError(
        compile(base, bad),
        1,
        "@TokenData needs a parameter that accepts Map<String, Object>, but data is String",
        base,
        "String who(");
  }

  @Test
  void twoInjectionsOnOneParameter() {
    assertParameterError(
        "@TokenRequired String mine(@TokenSubject @TokenData Object user);",
        "parameter user has two injection annotations (@TokenSubject and @TokenData): keep one",
        "mine(");
  }

  @Test
  void injectionOnAPublicMethod() {
    assertParameterError(
        "@Public String mine(@TokenSubject String user);",
        "@TokenSubject on @Public method Orders.mine(String): a public method reads no token,"
            + " so there is nothing to fill in; remove it, or give the method a rule that needs"
            + " a token",
        "mine(");
  }

  @Test
  void verifiedTokenParameterOnAPublicMethod() {
    assertParameterError(
        "@Public String mine(VerifiedToken token);",
        "VerifiedToken parameter token on @Public method Orders.mine(VerifiedToken)",
        "mine(");
  }

  @Test
  void bearerTokenOnAPublicMethod() {
    assertParameterError(
        "@Public String mine(@BearerToken String authorization);",
        "@BearerToken on @Public method Orders.mine(String)",
        "mine(");
  }

  @Test
  void refreshDataOutsideRefresh() {
    assertParameterError(
        "@TokenRequired String mine(@RefreshData Map<String, Object> data);",
        "@RefreshData in Orders.mine(Map<String, Object>): only @Refresh methods receive the"
            + " refresh token; remove it, or make the method @Refresh",
        "mine(");
  }

  @Test
  void verifiedRefreshOutsideRefresh() {
    assertParameterError(
        "@PermissionRequired(\"orders:read\") String mine(VerifiedRefresh refresh);",
        "VerifiedRefresh parameter refresh in Orders.mine(VerifiedRefresh): only @Refresh"
            + " methods receive the refresh token",
        "mine(");
  }

  @Test
  void accessTokenInjectionOnRefresh() {
    assertParameterError(
        "@Refresh String renew(@TokenSubject String user);",
        "@TokenSubject on @Refresh method Orders.renew(String): a @Refresh method receives a"
            + " refresh token, not an access token; use @RefreshData or a VerifiedRefresh"
            + " parameter",
        "renew(");
  }

  @Test
  void verifiedTokenOnRefresh() {
    assertParameterError(
        "@Refresh String renew(VerifiedToken token);",
        "VerifiedToken parameter token on @Refresh method Orders.renew(VerifiedToken)",
        "renew(");
  }

  @Test
  void twoBearerTokens() {
    assertParameterError(
        "@TokenRequired String get(@BearerToken String a, @BearerToken String b);",
        "Orders.get(String, String) has more than one @BearerToken parameter: keep one, on the"
            + " parameter that carries the token",
        "get(");
  }

  @Test
  void bearerTokenThatIsNotAString() {
    assertParameterError(
        "@TokenRequired String get(@BearerToken CharSequence authorization);",
        "@BearerToken needs a String parameter, but authorization is CharSequence: declare it"
            + " as String",
        "get(");
  }

  @Test
  void bearerTokenWithAnInjection() {
    assertParameterError(
        "@TokenRequired String get(@BearerToken @TokenSubject String authorization);",
        "@BearerToken parameter authorization also has @TokenSubject: the token parameter is"
            + " passed on unchanged; put @TokenSubject on a separate parameter",
        "get(");
  }
}
