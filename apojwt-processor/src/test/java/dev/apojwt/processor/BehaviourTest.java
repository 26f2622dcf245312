package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.apojwt.processor.TestCompiler.source;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.apojwt.AccessRule;
import dev.apojwt.AccessTable;
import dev.apojwt.ApoJwt;
import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure;
import dev.apojwt.Invocation;
import dev.apojwt.TokenPair;
import dev.apojwt.VerifiedRefresh;
import dev.apojwt.VerifiedToken;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.TypeVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Guards compiled in memory and called with real tokens from the real runtime: whatever is wrong
 * with the token, the implementation is not called; whatever is right, it is called with the
 * injected values.
 */
class BehaviourTest {

  static final JavaFileObject PERMS =
      source(
          "com.example.Perms",
          "package com.example;",
          "import dev.apojwt.annotation.*;",
          "@PermissionCatalog",
          "public interface Perms {",
          "  String ORDERS_READ = \"orders:read\";",
          "  @Implies(ORDERS_READ) String ORDERS_WRITE = \"orders:write\";",
          "  @Implies(ORDERS_WRITE) String ORDERS_ADMIN = \"orders:admin\";",
          "  String BILLING_READ = \"billing:read\";",
          "}");

  static final JavaFileObject ORDERS =
      source(
          "com.example.Orders",
          "package com.example;",
          "import dev.apojwt.VerifiedRefresh;",
          "import dev.apojwt.VerifiedToken;",
          "import dev.apojwt.annotation.*;",
          "import dev.apojwt.processor.Request;",
          "import java.io.IOException;",
          "import java.util.*;",
          "import java.util.concurrent.*;",
          "@TokenRequired",
          "public interface Orders {",
          "  @Public String health(Request request);",
          "  String mine(Request request, @TokenSubject String user);",
          "  @PermissionRequired(Perms.ORDERS_READ) String get(Request request, String id);",
          "  @PermissionRequired({Perms.ORDERS_READ, Perms.BILLING_READ})",
          "  String report(Request request);",
          "  @PermissionRequired(anyOf = {Perms.ORDERS_WRITE, Perms.BILLING_READ})",
          "  String either(Request request);",
          "  String whoAmI(Request request, @TokenData Map<String, Object> data,",
          "      @TokenPermissions Set<String> permissions, VerifiedToken token);",
          "  @PermissionRequired(Perms.ORDERS_READ)",
          "  String byHeader(@BearerToken String authorization, String id);",
          "  @Refresh",
          "  String renew(Request request, @RefreshData Map<String, Object> data,",
          "      VerifiedRefresh refresh);",
          "  CompletionStage<String> stage(Request request, @TokenSubject String user);",
          "  @PermissionRequired(Perms.ORDERS_WRITE)",
          "  CompletableFuture<String> future(Request request);",
          "  <T extends Comparable<T>> List<T> sorted(Request request, List<T> items)",
          "      throws IOException;",
          "  default String greet(Request request, @TokenSubject String user) {",
          "    return \"hello \" + user;",
          "  }",
          "  int count(Request request, Object... values);",
          "}");

  static final JavaFileObject BASE =
      source(
          "com.example.Base",
          "package com.example;",
          "import dev.apojwt.annotation.*;",
          "import dev.apojwt.processor.Request;",
          "public interface Base {",
          "  String ping(Request request);",
          "  default String hello(Request request, @TokenSubject String user) {",
          "    return \"hi \" + user;",
          "  }",
          "}");

  static final JavaFileObject AUDITED =
      source(
          "com.example.Audited",
          "package com.example;",
          "import dev.apojwt.annotation.*;",
          "import dev.apojwt.processor.Request;",
          "@TokenRequired",
          "public interface Audited {",
          "  @PermissionRequired(Perms.ORDERS_ADMIN) String purge(Request request);",
          "}");

  static final JavaFileObject ADMIN =
      source(
          "com.example.Admin",
          "package com.example;",
          "import dev.apojwt.annotation.*;",
          "@TokenRequired",
          "public interface Admin extends Base, Audited {",
          "  @Public String version();",
          "  String toString();",
          "}");

  static final JavaFileObject REPO =
      source(
          "com.example.Repo",
          "package com.example;",
          "import dev.apojwt.annotation.*;",
          "import dev.apojwt.processor.Request;",
          "@TokenRequired",
          "public interface Repo<T extends Comparable<T>> {",
          "  T find(Request request, String id);",
          "}");

  static final JavaFileObject HEADERS =
      source(
          "com.example.Headers",
          "package com.example;",
          "import dev.apojwt.annotation.*;",
          "public interface Headers {",
          "  @TokenRequired String get(@BearerToken String authorization);",
          "  @Refresh String renew(@BearerToken String refreshToken);",
          "  @Public String open();",
          "}");

  /** Overloads without injected parameters of a generic, a varargs and a throwing method. */
  static final JavaFileObject TAGS =
      source(
          "com.example.Tags",
          "package com.example;",
          "import dev.apojwt.annotation.*;",
          "import dev.apojwt.processor.Request;",
          "import java.io.IOException;",
          "import java.util.*;",
          "@TokenRequired",
          "public interface Tags {",
          "  <T extends Comparable<T>> List<T> sorted(Request request, List<T> items,",
          "      @TokenSubject String user) throws IOException;",
          "  int count(Request request, @TokenData Map<String, Object> data, String... tags);",
          "}");

  static TestCompiler.MemoryClassLoader loader;

  @BeforeAll
  static void compile() {
    Compilation compilation =
        TestCompiler.compile(PERMS, ORDERS, BASE, AUDITED, ADMIN, REPO, HEADERS, TAGS);
    assertThat(compilation).succeededWithoutWarnings();
    loader = new TestCompiler.MemoryClassLoader(TestCompiler.classes(compilation));
  }

  // ------------------------------------------------------------------ helpers

  /** A guard of {@code com.example.<handler>} around {@code recorder}. */
  static final class Guarded {
    final Object guard;
    final Recorder recorder;
    private final GuardHandle handle;

    Guarded(String handler, Recorder recorder, ApoJwt jwt) throws Throwable {
      this.handle = new GuardHandle(loader, "com.example." + handler, recorder, jwt);
      this.guard = handle.guard;
      this.recorder = recorder;
    }

    Object call(String method, Object... arguments) throws Throwable {
      return handle.call(method, arguments);
    }
  }

  static Guarded orders() throws Throwable {
    return new Guarded("Orders", Recorder.create(), Tokens.jwt());
  }

  static AccessTable accessTable(String handler) throws Throwable {
    return GuardHandle.accessTable(loader, "com.example." + handler);
  }

  static AuthFailure.Reason refusal(Guarded guarded, String method, Object... arguments) {
    ApoJwtException e = assertThrows(ApoJwtException.class, () -> guarded.call(method, arguments));
    assertThat(guarded.recorder.calls).isEmpty();
    return e.reason();
  }

  // ------------------------------------------------------------------ access tokens

  @Nested
  class AccessTokens {
    @Test
    void noTokenIs401MissingToken() throws Throwable {
      Guarded orders = orders();
      assertThat(refusal(orders, "mine", Request.anonymous(), null))
          .isEqualTo(AuthFailure.Reason.MISSING_TOKEN);
    }

    @Test
    void anExpiredTokenIs401Expired() throws Throwable {
      Guarded orders = orders();
      ApoJwtException e =
          assertThrows(
              ApoJwtException.class,
              () -> orders.call("mine", Request.bearer(Tokens.expired("user-1")), null));
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.reason()).isEqualTo(AuthFailure.Reason.EXPIRED);
      assertThat(orders.recorder.calls).isEmpty();
    }

    @Test
    void aForgedTokenIs401BadSignature() throws Throwable {
      String other =
          ApoJwt.builder()
              .secret("another-secret-that-is-long-enough-too")
              .issuer("apojwt-tests")
              .serverAudience("orders")
              .build()
              .createToken("user-1", List.of(), Map.of());
      assertThat(refusal(orders(), "mine", Request.bearer(other), null))
          .isEqualTo(AuthFailure.Reason.BAD_SIGNATURE);
    }

    @Test
    void aValidTokenPassesAndItsSubjectIsInjected() throws Throwable {
      Guarded orders = orders();
      orders.call("mine", Request.bearer(Tokens.access("user-1")), "whatever the caller passed");
      assertThat(orders.recorder.onlyCall("mine").get(1)).isEqualTo("user-1");
    }

    @Test
    void aPublicMethodNeedsNoToken() throws Throwable {
      Guarded orders = orders();
      assertThat(orders.call("health", Request.anonymous())).isEqualTo("health");
      assertThat(orders.recorder.onlyCall("health")).containsExactly(Request.anonymous());
    }

    @Test
    void theFinderSeesTheCallAsTheCallerMadeIt() throws Throwable {
      List<Invocation> seen = new ArrayList<>();
      ApoJwt jwt =
          Tokens.builder(Tokens.NOW)
              .tokenFinder(
                  call -> {
                    seen.add(call);
                    return call.argument(Request.class).authorization();
                  })
              .build();
      Guarded orders = new Guarded("Orders", Recorder.create(), jwt);
      Request request = Request.bearer(Tokens.access("user-1"));
      orders.call("mine", request, null);
      assertThat(seen).hasSize(1);
      assertThat(seen.get(0).handler()).isEqualTo("com.example.Orders");
      assertThat(seen.get(0).method()).isEqualTo("mine");
      assertThat(seen.get(0).arguments()).containsExactly(request, null).inOrder();
    }

    @Test
    void varargsArePassedAsOneArgumentNotSpread() throws Throwable {
      List<Invocation> seen = new ArrayList<>();
      ApoJwt jwt =
          Tokens.builder(Tokens.NOW)
              .tokenFinder(
                  call -> {
                    seen.add(call);
                    return call.argument(Request.class).authorization();
                  })
              .build();
      Guarded orders = new Guarded("Orders", Recorder.create(), jwt);
      Object[] values = {"a", "b", "c"};
      assertThat(orders.call("count", Request.bearer(Tokens.access("u")), values)).isEqualTo(2);
      assertThat(seen.get(0).arguments()).hasSize(2);
      assertThat(seen.get(0).arguments().get(1)).isSameInstanceAs(values);
      assertThat(orders.recorder.onlyCall("count").get(1)).isSameInstanceAs(values);
    }
  }

  // ------------------------------------------------------------------ permissions

  @Nested
  class Permissions {
    @Test
    void aMissingPermissionIs403Forbidden() throws Throwable {
      Guarded orders = orders();
      ApoJwtException e =
          assertThrows(
              ApoJwtException.class,
              () -> orders.call("get", Request.bearer(Tokens.access("u", "billing:read")), "o-1"));
      assertThat(e.status()).isEqualTo(403);
      assertThat(e.reason()).isEqualTo(AuthFailure.Reason.FORBIDDEN);
      assertThat(orders.recorder.calls).isEmpty();
    }

    @Test
    void theListedPermissionPasses() throws Throwable {
      Guarded orders = orders();
      orders.call("get", Request.bearer(Tokens.access("u", "orders:read")), "o-1");
      assertThat(orders.recorder.onlyCall("get").get(1)).isEqualTo("o-1");
    }

    @Test
    void aPermissionThatImpliesItPassesTransitively() throws Throwable {
      Guarded orders = orders();
      // orders:admin implies orders:write, which implies orders:read.
      orders.call("get", Request.bearer(Tokens.access("u", "orders:admin")), "o-1");
      assertThat(orders.recorder.calls).hasSize(1);
    }

    @Test
    void theAdminPermissionPassesEveryCheck() throws Throwable {
      Guarded orders = orders();
      orders.call("report", Request.bearer(Tokens.access("root", Tokens.ADMIN)));
      assertThat(orders.recorder.calls).hasSize(1);
    }

    @Test
    void allOfNeedsEveryPermission() throws Throwable {
      assertThat(refusal(orders(), "report", Request.bearer(Tokens.access("u", "orders:read"))))
          .isEqualTo(AuthFailure.Reason.FORBIDDEN);
      Guarded orders = orders();
      orders.call("report", Request.bearer(Tokens.access("u", "billing:read", "orders:write")));
      assertThat(orders.recorder.calls).hasSize(1);
    }

    @Test
    void anyOfNeedsOne() throws Throwable {
      assertThat(refusal(orders(), "either", Request.bearer(Tokens.access("u", "orders:read"))))
          .isEqualTo(AuthFailure.Reason.FORBIDDEN);
      Guarded billing = orders();
      billing.call("either", Request.bearer(Tokens.access("u", "billing:read")));
      assertThat(billing.recorder.calls).hasSize(1);
      Guarded admin = orders();
      admin.call("either", Request.bearer(Tokens.access("u", "orders:admin")));
      assertThat(admin.recorder.calls).hasSize(1);
    }
  }

  // ------------------------------------------------------------------ injection, bearer

  @Nested
  class Injected {
    @Test
    void dataPermissionsAndTheVerifiedTokenAreInjected() throws Throwable {
      Guarded orders = orders();
      String token = Tokens.access("user-7", "orders:read", "billing:read");
      orders.call("whoAmI", Request.bearer(token), null, null, null);
      List<Object> arguments = orders.recorder.onlyCall("whoAmI");
      assertThat(arguments.get(1)).isEqualTo(Map.of("tenant", "acme"));
      assertThat(arguments.get(2)).isEqualTo(Set.of("orders:read", "billing:read"));
      VerifiedToken verified = (VerifiedToken) arguments.get(3);
      assertThat(verified.subject()).isEqualTo("user-7");
      assertThat(verified.expiresAt()).isEqualTo(Tokens.NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aBearerTokenParameterIsReadWithItsPrefixAndPassedOnUnchanged() throws Throwable {
      Guarded orders = orders();
      String header = "bearer " + Tokens.access("u", "orders:read");
      orders.call("byHeader", header, "o-1");
      assertThat(orders.recorder.onlyCall("byHeader")).containsExactly(header, "o-1").inOrder();
    }

    @Test
    void aBearerTokenParameterIsTheOnlyPlaceLookedAt() throws Throwable {
      // The finder would find nothing here anyway; what matters is a null header is refused.
      assertThat(refusal(orders(), "byHeader", null, "o-1"))
          .isEqualTo(AuthFailure.Reason.MISSING_TOKEN);
      assertThat(refusal(orders(), "byHeader", "Bearer ", "o-1"))
          .isEqualTo(AuthFailure.Reason.MISSING_TOKEN);
    }

    @Test
    void aHandlerThatReadsOnlyBearerParametersNeedsNoFinders() throws Throwable {
      ApoJwt jwt =
          ApoJwt.builder()
              .secret(Tokens.SECRET)
              .issuer("apojwt-tests")
              .serverAudience("orders")
              .clock(java.time.Clock.fixed(Tokens.NOW, java.time.ZoneOffset.UTC))
              .refresh(Tokens.REFRESH_SECRET, Duration.ofDays(1), null)
              .build();
      Guarded headers = new Guarded("Headers", Recorder.create(), jwt);
      TokenPair pair = Tokens.pair("u");
      headers.call("get", pair.access());
      headers.call("renew", pair.refresh());
      headers.call("open");
      assertThat(headers.recorder.calls).hasSize(3);
    }
  }

  // ------------------------------------------------------------------ refresh

  @Nested
  class RefreshTokens {
    @Test
    void aRefreshTokenIsRejectedWhereAnAccessTokenIsRequired() throws Throwable {
      TokenPair pair = Tokens.pair("user-1");
      assertThat(refusal(orders(), "mine", Request.bearer(pair.refresh()), null))
          .isEqualTo(AuthFailure.Reason.WRONG_TOKEN_KIND);
    }

    @Test
    void anAccessTokenIsRejectedOnRefresh() throws Throwable {
      TokenPair pair = Tokens.pair("user-1");
      assertThat(refusal(orders(), "renew", Request.cookie(pair.access()), null, null))
          .isEqualTo(AuthFailure.Reason.WRONG_TOKEN_KIND);
    }

    @Test
    void noRefreshTokenIs401MissingToken() throws Throwable {
      TokenPair pair = Tokens.pair("user-1");
      // The access token in the header does not count: @Refresh asks the refresh finder.
      assertThat(refusal(orders(), "renew", Request.bearer(pair.access()), null, null))
          .isEqualTo(AuthFailure.Reason.MISSING_TOKEN);
    }

    @Test
    void aRefreshTokenPassesOnRefreshWithItsDataInjected() throws Throwable {
      Guarded orders = orders();
      TokenPair pair = Tokens.pair("user-1");
      orders.call("renew", Request.cookie(pair.refresh()), null, null);
      List<Object> arguments = orders.recorder.onlyCall("renew");
      assertThat(arguments.get(1)).isEqualTo(Map.of("session", "s-1"));
      VerifiedRefresh refresh = (VerifiedRefresh) arguments.get(2);
      assertThat(refresh.data()).isEqualTo(Map.of("session", "s-1"));
      assertThat(refresh.expiresAt()).isEqualTo(Tokens.NOW.plus(Duration.ofDays(1)));
    }
  }

  // ------------------------------------------------------------------ async

  @Nested
  class AsyncFailures {
    @Test
    void aCompletionStageReportsAFailedCheckAsAFailedStage() throws Throwable {
      Guarded orders = orders();
      CompletionStage<?> stage =
          (CompletionStage<?>) orders.call("stage", Request.anonymous(), null);
      CompletionException e =
          assertThrows(CompletionException.class, () -> stage.toCompletableFuture().join());
      assertThat(((ApoJwtException) e.getCause()).reason())
          .isEqualTo(AuthFailure.Reason.MISSING_TOKEN);
      assertThat(orders.recorder.calls).isEmpty();
    }

    @Test
    void aCompletableFutureReportsAFailedCheckAsAFailedFuture() throws Throwable {
      Guarded orders = orders();
      CompletableFuture<?> future =
          (CompletableFuture<?>)
              orders.call("future", Request.bearer(Tokens.access("u", "orders:read")));
      assertThat(future.isCompletedExceptionally()).isTrue();
      CompletionException e = assertThrows(CompletionException.class, future::join);
      assertThat(((ApoJwtException) e.getCause()).reason()).isEqualTo(AuthFailure.Reason.FORBIDDEN);
      assertThat(orders.recorder.calls).isEmpty();
    }

    @Test
    void aPassingCheckReturnsTheDelegatesStageWithTheSubjectInjected() throws Throwable {
      Recorder recorder =
          Recorder.create()
              .answer("stage", args -> CompletableFuture.completedFuture("ok " + args[1]));
      Guarded orders = new Guarded("Orders", recorder, Tokens.jwt());
      CompletionStage<?> stage =
          (CompletionStage<?>) orders.call("stage", Request.bearer(Tokens.access("u-9")), null);
      assertThat(stage.toCompletableFuture().join()).isEqualTo("ok u-9");
    }
  }

  // ------------------------------------------------------------------ overloads

  /**
   * Each guarded method with injected parameters has an overload without them: it checks the same
   * rule and fills in the same values as the full method, which the caller calls with nulls.
   */
  @Nested
  class OverloadsWithoutInjectedParameters {
    @Test
    void theOverloadFillsInTheSubject() throws Throwable {
      Guarded orders = orders();
      orders.call("mine", Request.bearer(Tokens.access("user-1")));
      assertThat(orders.recorder.onlyCall("mine").get(1)).isEqualTo("user-1");
    }

    @Test
    void theOverloadRefusesWhatTheMethodRefuses() throws Throwable {
      assertThat(refusal(orders(), "mine", Request.anonymous()))
          .isEqualTo(AuthFailure.Reason.MISSING_TOKEN);
      assertThat(refusal(orders(), "mine", Request.bearer(Tokens.pair("user-1").refresh())))
          .isEqualTo(AuthFailure.Reason.WRONG_TOKEN_KIND);
    }

    @Test
    void theFinderSeesTheMethodsArgumentsWithNullForTheInjectedOnes() throws Throwable {
      List<List<Object>> seen = new ArrayList<>();
      ApoJwt jwt =
          Tokens.builder(Tokens.NOW)
              .tokenFinder(
                  call -> {
                    seen.add(call.arguments());
                    return call.argument(Request.class).authorization();
                  })
              .build();
      Guarded orders = new Guarded("Orders", Recorder.create(), jwt);
      Request request = Request.bearer(Tokens.access("user-1"));
      orders.call("mine", request);
      assertThat(seen).containsExactly(Arrays.asList(request, null));
    }

    @Test
    void dataPermissionsAndTheVerifiedTokenAreFilledIn() throws Throwable {
      Guarded orders = orders();
      orders.call("whoAmI", Request.bearer(Tokens.access("user-7", "orders:read")));
      List<Object> arguments = orders.recorder.onlyCall("whoAmI");
      assertThat(arguments.get(1)).isEqualTo(Map.of("tenant", "acme"));
      assertThat(arguments.get(2)).isEqualTo(Set.of("orders:read"));
      assertThat(((VerifiedToken) arguments.get(3)).subject()).isEqualTo("user-7");
    }

    @Test
    void aRefreshOverloadFillsInTheRefreshTokensData() throws Throwable {
      Guarded orders = orders();
      orders.call("renew", Request.cookie(Tokens.pair("user-1").refresh()));
      List<Object> arguments = orders.recorder.onlyCall("renew");
      assertThat(arguments.get(1)).isEqualTo(Map.of("session", "s-1"));
      assertThat(((VerifiedRefresh) arguments.get(2)).data()).isEqualTo(Map.of("session", "s-1"));
    }

    @Test
    void anAsyncOverloadReportsARefusalAsAFailedStage() throws Throwable {
      Guarded orders = orders();
      CompletionStage<?> stage = (CompletionStage<?>) orders.call("stage", Request.anonymous());
      CompletionException e =
          assertThrows(CompletionException.class, () -> stage.toCompletableFuture().join());
      assertThat(((ApoJwtException) e.getCause()).reason())
          .isEqualTo(AuthFailure.Reason.MISSING_TOKEN);
      assertThat(orders.recorder.calls).isEmpty();
    }

    @Test
    void aDefaultMethodsOverloadRunsTheDelegatesBodyWithTheSubject() throws Throwable {
      Guarded orders = orders();
      assertThat(orders.call("greet", Request.bearer(Tokens.access("user-2"))))
          .isEqualTo("hello user-2");
    }

    @Test
    void genericVarargsAndThrowingOverloadsKeepTheirSignatures() throws Throwable {
      Recorder recorder =
          Recorder.create()
              .answer(
                  "sorted",
                  args -> {
                    throw new IOException("disk full for " + args[2]);
                  });
      Guarded tags = new Guarded("Tags", recorder, Tokens.jwt());
      Method sorted = tags.guard.getClass().getMethod("sorted", Request.class, List.class);
      assertThat(sorted.getTypeParameters()).hasLength(1);
      assertThat(sorted.getExceptionTypes()).asList().containsExactly(IOException.class);
      IOException e =
          assertThrows(
              IOException.class,
              () -> tags.call("sorted", Request.bearer(Tokens.access("user-3")), List.of("b")));
      assertThat(e).hasMessageThat().isEqualTo("disk full for user-3");

      Method count = tags.guard.getClass().getMethod("count", Request.class, String[].class);
      assertThat(count.isVarArgs()).isTrue();
      Object counted =
          tags.call("count", Request.bearer(Tokens.access("user-3")), new String[] {"a", "b"});
      assertThat(counted).isEqualTo(3); // the recorder answers an int with the argument count
      List<Object> arguments = recorder.calls.get(1).arguments();
      assertThat(arguments.get(1)).isEqualTo(Map.of("tenant", "acme"));
      assertThat((String[]) arguments.get(2)).asList().containsExactly("a", "b").inOrder();
    }
  }

  // ------------------------------------------------------------------ the Java surface

  @Nested
  class JavaSurface {
    @Test
    void checkedExceptionsAndMethodGenericsSurvive() throws Throwable {
      Class<?> guard = loader.load("com.example.GuardedOrders");
      Method sorted = guard.getMethod("sorted", Request.class, List.class);
      assertThat(Arrays.asList(sorted.getExceptionTypes())).containsExactly(IOException.class);
      TypeVariable<Method> t = sorted.getTypeParameters()[0];
      assertThat(((ParameterizedType) t.getBounds()[0]).getRawType()).isEqualTo(Comparable.class);

      Recorder recorder =
          Recorder.create()
              .answer(
                  "sorted",
                  args -> {
                    throw new IOException("disk full");
                  });
      Guarded orders = new Guarded("Orders", recorder, Tokens.jwt());
      IOException e =
          assertThrows(
              IOException.class,
              () -> orders.call("sorted", Request.bearer(Tokens.access("u")), List.of("b", "a")));
      assertThat(e).hasMessageThat().isEqualTo("disk full");
    }

    @Test
    void interfaceTypeParametersArePreserved() throws Throwable {
      Class<?> guard = loader.load("com.example.GuardedRepo");
      TypeVariable<?>[] parameters = guard.getTypeParameters();
      assertThat(parameters).hasLength(1);
      assertThat(((ParameterizedType) parameters[0].getBounds()[0]).getRawType())
          .isEqualTo(Comparable.class);
      assertThat(((ParameterizedType) guard.getGenericInterfaces()[0]).getActualTypeArguments())
          .asList()
          .containsExactly(parameters[0]);
      Guarded repo =
          new Guarded("Repo", Recorder.create().answer("find", args -> "found"), Tokens.jwt());
      assertThat(
              refusal(
                  new Guarded("Repo", Recorder.create(), Tokens.jwt()),
                  "find",
                  Request.anonymous(),
                  "1"))
          .isEqualTo(AuthFailure.Reason.MISSING_TOKEN);
      assertThat(repo.call("find", Request.bearer(Tokens.access("u")), "1")).isEqualTo("found");
    }

    @Test
    void aDefaultMethodIsGuardedThenRunsTheDelegatesImplementation() throws Throwable {
      assertThat(refusal(orders(), "greet", Request.anonymous(), null))
          .isEqualTo(AuthFailure.Reason.MISSING_TOKEN);
      Guarded orders = orders();
      assertThat(orders.call("greet", Request.bearer(Tokens.access("ada")), null))
          .isEqualTo("hello ada");
    }

    @Test
    void inheritedMethodsAreGuardedWithTheRightRule() throws Throwable {
      // ping: Base has no rule, so Admin's default @TokenRequired.
      assertThat(refusal(admin(), "ping", Request.anonymous()))
          .isEqualTo(AuthFailure.Reason.MISSING_TOKEN);
      // purge: its own rule from Audited.
      assertThat(refusal(admin(), "purge", Request.bearer(Tokens.access("u", "orders:write"))))
          .isEqualTo(AuthFailure.Reason.FORBIDDEN);
      Guarded admin = admin();
      admin.call("purge", Request.bearer(Tokens.access("u", "orders:admin")));
      // hello: an inherited default method with an injection.
      assertThat(admin.call("hello", Request.bearer(Tokens.access("bob")), null))
          .isEqualTo("hi bob");
      assertThat(admin.call("version")).isEqualTo("version");
      assertThat(admin.recorder.calls.stream().map(Recorder.Call::method).toList())
          .containsExactly("purge", "hello", "version")
          .inOrder();
    }

    @Test
    void objectMethodsAreLeftAlone() throws Throwable {
      Guarded admin = admin();
      // Not guarded and not delegated: the guard's own toString, no token needed.
      assertThat(admin.guard.toString()).startsWith("com.example.GuardedAdmin@");
      assertThat(admin.recorder.calls).isEmpty();
      assertThat(accessTable("Admin").rule("toString()").isPresent()).isFalse();
    }

    private Guarded admin() throws Throwable {
      return new Guarded("Admin", Recorder.create(), Tokens.jwt());
    }
  }

  // ------------------------------------------------------------------ configuration

  @Nested
  class Configuration {
    static final class HttpError extends RuntimeException {
      private static final long serialVersionUID = 1L;
      final int status;

      HttpError(int status, String message) {
        super(message);
        this.status = status;
      }
    }

    @Test
    void theExceptionHandlersExceptionIsWhatSurfaces() throws Throwable {
      ApoJwt jwt =
          Tokens.builder(Tokens.NOW)
              .exceptionHandler(
                  (failure, call) ->
                      new HttpError(failure.status(), call.method() + ": " + failure.reason()))
              .build();
      Guarded orders = new Guarded("Orders", Recorder.create(), jwt);
      HttpError e =
          assertThrows(
              HttpError.class, () -> orders.call("get", Request.bearer(Tokens.access("u")), "o-1"));
      assertThat(e.status).isEqualTo(403);
      assertThat(e).hasMessageThat().isEqualTo("get: FORBIDDEN");
      assertThat(orders.recorder.calls).isEmpty();
    }

    @Test
    void theConstructorFailsFastWithoutATokenFinder() {
      ApoJwt jwt =
          ApoJwt.builder()
              .secret(Tokens.SECRET)
              .refresh(Tokens.REFRESH_SECRET, Duration.ofDays(1), call -> null)
              .build();
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class, () -> new Guarded("Orders", Recorder.create(), jwt));
      assertThat(e).hasMessageThat().contains("com.example.Orders.mine(");
      assertThat(e).hasMessageThat().contains("needs a token finder");
    }

    @Test
    void theConstructorFailsFastWithoutRefreshConfiguration() {
      ApoJwt jwt = ApoJwt.builder().secret(Tokens.SECRET).tokenFinder(call -> null).build();
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class, () -> new Guarded("Orders", Recorder.create(), jwt));
      assertThat(e).hasMessageThat().contains("renew(");
      assertThat(e).hasMessageThat().contains("refresh is not configured");
    }

    @Test
    void theConstructorRejectsNulls() throws Throwable {
      Class<?> type = loader.load("com.example.Orders");
      Constructor<?> constructor =
          loader.load("com.example.GuardedOrders").getConstructor(type, ApoJwt.class);
      NullPointerException e =
          assertThrows(
              NullPointerException.class,
              () -> GuardHandle.unwrap(() -> constructor.newInstance(null, Tokens.jwt())));
      assertThat(e).hasMessageThat().isEqualTo("delegate");
    }
  }

  // ------------------------------------------------------------------ the access table

  @Nested
  class TheAccessTable {
    @Test
    void listsEveryMethodInDeclarationOrder() throws Throwable {
      AccessTable table = accessTable("Orders");
      assertThat(table.handler()).isEqualTo("com.example.Orders");
      assertThat(table.rules().stream().map(AccessRule::signature).toList())
          .containsExactly(
              "health(dev.apojwt.processor.Request)",
              "mine(dev.apojwt.processor.Request, java.lang.String)",
              "get(dev.apojwt.processor.Request, java.lang.String)",
              "report(dev.apojwt.processor.Request)",
              "either(dev.apojwt.processor.Request)",
              "whoAmI(dev.apojwt.processor.Request, java.util.Map, java.util.Set,"
                  + " dev.apojwt.VerifiedToken)",
              "byHeader(java.lang.String, java.lang.String)",
              "renew(dev.apojwt.processor.Request, java.util.Map, dev.apojwt.VerifiedRefresh)",
              "stage(dev.apojwt.processor.Request, java.lang.String)",
              "future(dev.apojwt.processor.Request)",
              "sorted(dev.apojwt.processor.Request, java.util.List)",
              "greet(dev.apojwt.processor.Request, java.lang.String)",
              "count(dev.apojwt.processor.Request, java.lang.Object[])")
          .inOrder();
    }

    @Test
    void showsKindsPermissionsAndAcceptedSets() throws Throwable {
      AccessTable table = accessTable("Orders");
      AccessRule health = table.rule("health(dev.apojwt.processor.Request)").orElseThrow();
      assertThat(health.kind()).isEqualTo(AccessRule.Kind.PUBLIC);
      AccessRule mine = table.rule("mine(dev.apojwt.processor.Request, java.lang.String)").get();
      assertThat(mine.kind()).isEqualTo(AccessRule.Kind.TOKEN);
      assertThat(mine.permissions()).isEmpty();

      AccessRule get = table.rule("get(dev.apojwt.processor.Request, java.lang.String)").get();
      assertThat(get.kind()).isEqualTo(AccessRule.Kind.ALL_OF);
      assertThat(get.permissions()).containsExactly("orders:read");
      assertThat(get.accepted())
          .containsExactly("orders:read", Set.of("orders:read", "orders:write", "orders:admin"));

      AccessRule either = table.rule("either(dev.apojwt.processor.Request)").get();
      assertThat(either.kind()).isEqualTo(AccessRule.Kind.ANY_OF);
      assertThat(either.accepted())
          .containsExactly(
              "orders:write", Set.of("orders:write", "orders:admin"),
              "billing:read", Set.of("billing:read"));

      AccessRule byHeader = table.rule("byHeader(java.lang.String, java.lang.String)").get();
      assertThat(byHeader.bearerParameter()).isEqualTo(0);
      assertThat(mine.bearerParameter()).isEqualTo(-1);

      AccessRule renew =
          table
              .rule(
                  "renew(dev.apojwt.processor.Request, java.util.Map, dev.apojwt.VerifiedRefresh)")
              .get();
      assertThat(renew.kind()).isEqualTo(AccessRule.Kind.REFRESH);
    }

    @Test
    void inheritedMethodsCarryTheHandlersName() throws Throwable {
      AccessTable table = accessTable("Admin");
      assertThat(table.handler()).isEqualTo("com.example.Admin");
      assertThat(table.rules().stream().map(r -> r.signature() + " " + r.kind()).toList())
          .containsExactly(
              "version() PUBLIC",
              "ping(dev.apojwt.processor.Request) TOKEN",
              "hello(dev.apojwt.processor.Request, java.lang.String) TOKEN",
              "purge(dev.apojwt.processor.Request) ALL_OF")
          .inOrder();
      for (AccessRule rule : table.rules()) {
        assertThat(rule.handler()).isEqualTo("com.example.Admin");
      }
    }
  }
}
