package dev.apojwt.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method may only be called with a valid refresh token (never an access token). The successor
 * of apojwt's {@code @ajwt.refresh}. The token comes from a {@link BearerToken} parameter, else
 * from the refresh finder configured with {@code ApoJwt.Builder.refresh(...)}.
 *
 * <p>Such a method may receive the refresh data with {@link RefreshData}, or the whole {@code
 * VerifiedRefresh} as a parameter of that type; access-token injections ({@link TokenSubject},
 * {@link TokenData}, {@link TokenPermissions}, {@code VerifiedToken}) are compile errors here.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Refresh {}
