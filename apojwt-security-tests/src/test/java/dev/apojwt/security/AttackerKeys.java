package dev.apojwt.security;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

/** Keys the attacker owns. */
final class AttackerKeys {
  static final KeyPair RSA = generate();
  static final KeyPair EC = Services.ec();

  private AttackerKeys() {}

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
