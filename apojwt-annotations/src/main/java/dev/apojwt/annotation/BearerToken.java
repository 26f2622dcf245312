package dev.apojwt.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@code String} parameter that carries the token for this method: the raw {@code
 * Authorization} header value ({@code "Bearer <token>"}, prefix case-insensitive) or the bare
 * token. On a {@link Refresh} method it carries the refresh token. When a method has such a
 * parameter it is the only place the guard looks (a null or blank value is a missing token);
 * otherwise the guard asks the {@code TokenFinder} configured on {@code ApoJwt}.
 *
 * <p>Unlike the injection annotations, the caller's value is passed on to the implementation
 * unchanged. At most one per method; not allowed on {@link Public} methods.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface BearerToken {}
