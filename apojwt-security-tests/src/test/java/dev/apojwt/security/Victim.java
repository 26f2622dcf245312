package dev.apojwt.security;

import dev.apojwt.VerifiedToken;
import dev.apojwt.annotation.BearerToken;
import dev.apojwt.annotation.PermissionRequired;
import dev.apojwt.annotation.Refresh;
import dev.apojwt.annotation.RefreshData;
import dev.apojwt.annotation.TokenRequired;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The handler interface under attack; the processor generates {@code GuardedVictim}. */
@TokenRequired
public interface Victim {
  /** The token from the finder (the request's header). */
  String read(Request request, VerifiedToken token);

  @PermissionRequired("orders:read")
  String get(Request request);

  /** The token from a parameter, as a framework's header binding would pass it. */
  @PermissionRequired("orders:read")
  String bearer(@BearerToken String authorization);

  @PermissionRequired("orders:read")
  CompletableFuture<String> later(Request request);

  @Refresh
  String refresh(Request request, @RefreshData Map<String, Object> data);

  /** A request as a web framework would hand it over: here only its Authorization header. */
  final class Request {
    final String authorization;

    Request(String authorization) {
      this.authorization = authorization;
    }
  }
}
