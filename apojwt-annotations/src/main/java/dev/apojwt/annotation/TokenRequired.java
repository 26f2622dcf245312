package dev.apojwt.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method may only be called with a valid access token (signature, expiry, issuer and audience
 * checked). The successor of apojwt's {@code @ajwt.token_required}.
 *
 * <p>On a handler interface it is the default for every method without an access rule of its own. A
 * failed check is a 401 {@code ApoJwtException} (or what the configured {@code ExceptionHandler}
 * returns) and the implementation is not called.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TokenRequired {}
