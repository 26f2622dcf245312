package dev.apojwt.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The guard passes the access token's {@code data} claim as this {@code Map<String, Object>}
 * parameter (unmodifiable; empty when the token has none). Whatever the caller passed is replaced;
 * callers pass {@code null}. apojwt's {@code token_data}. Not allowed on {@link Public} or {@link
 * Refresh} methods.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface TokenData {}
