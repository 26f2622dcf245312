package dev.apojwt.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method may only be called with a valid access token that holds the listed permissions. The
 * successor of apojwt's {@code @ajwt.permission_required("p")}.
 *
 * <ul>
 *   <li>{@code @PermissionRequired("orders:read")} — the token must hold {@code orders:read};
 *   <li>{@code @PermissionRequired({"orders:read", "billing:read"})} — it must hold every one;
 *   <li>{@code @PermissionRequired(anyOf = {"orders:admin", "support"})} — at least one.
 * </ul>
 *
 * <p>A permission is also held when the token holds a permission that implies it (see {@link
 * Implies}), or the admin permission configured on {@code ApoJwt}. A token without the permissions
 * gets a 403 {@code FORBIDDEN}; an invalid or missing token gets a 401 first.
 *
 * <p>Compile errors: an empty list, a blank or whitespace-padded name, a duplicate, both {@code
 * value} and {@code anyOf}, or (when the compilation has a {@link PermissionCatalog}) a name the
 * catalog does not declare.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PermissionRequired {
  /** Permissions the token must all hold. */
  String[] value() default {};

  /** Permissions of which the token must hold at least one. Not combined with {@link #value}. */
  String[] anyOf() default {};
}
