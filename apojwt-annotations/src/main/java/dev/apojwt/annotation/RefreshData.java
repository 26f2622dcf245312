package dev.apojwt.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link Refresh} method only: the guard passes the refresh token's {@code data} claim as this
 * {@code Map<String, Object>} parameter. Whatever the caller passed is replaced; callers pass
 * {@code null}. apojwt's {@code refresh_data}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface RefreshData {}
