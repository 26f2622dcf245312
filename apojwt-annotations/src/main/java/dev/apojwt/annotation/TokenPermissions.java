package dev.apojwt.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The guard passes the permissions the access token holds ({@code perms}, as written in the token,
 * without {@link Implies} expansion) as this {@code Set<String>} parameter. Whatever the caller
 * passed is replaced; callers pass {@code null}. Not allowed on {@link Public} or {@link Refresh}
 * methods.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface TokenPermissions {}
