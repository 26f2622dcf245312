package com.example.orders;

import dev.apojwt.*;
import java.time.Duration;

/** README's start-up code, as printed there, in a method. */
final class Startup {
  record Started(ApoJwt jwt, Orders orders) {}

  static Started start() {
    // consumer-test: startup
    return new Started(jwt, orders);
  }
}
