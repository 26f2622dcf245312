package com.example.orders;

import java.util.HashMap;
import java.util.Map;

/** A web framework's request, as far as README's example uses it (there: Javalin's Context). */
final class Context {
  private final Map<String, String> headers = new HashMap<>();
  private final Map<String, String> cookies = new HashMap<>();

  static Context request() {
    return new Context();
  }

  Context withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  Context withCookie(String name, String value) {
    cookies.put(name, value);
    return this;
  }

  String header(String name) {
    return headers.get(name);
  }

  String cookie(String name) {
    return cookies.get(name);
  }
}
