package dev.apojwt.benchmarks;

import dev.apojwt.annotation.BearerToken;
import dev.apojwt.annotation.PermissionRequired;

/** The benchmarked handler interface; the processor generates {@code GuardedOrders}. */
public interface Orders {
  /** The token comes from the request, through the configured TokenFinder. */
  @PermissionRequired(Fixtures.PERMISSION)
  String get(Request request, String id);

  /** The token comes from this parameter, as a framework's header binding would pass it. */
  @PermissionRequired(Fixtures.PERMISSION)
  String byHeader(@BearerToken String authorization, String id);

  /** A request as a web framework hands it over: here only its Authorization header. */
  final class Request {
    final String authorization;

    Request(String authorization) {
      this.authorization = authorization;
    }
  }

  /** The implementation: the work after the check is deliberately tiny. */
  final class Service implements Orders {
    @Override
    public String get(Request request, String id) {
      return id;
    }

    @Override
    public String byHeader(String authorization, String id) {
      return id;
    }
  }
}
