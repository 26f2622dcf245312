package dev.apojwt.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a permission constant of a {@link PermissionCatalog}: a token holding this permission also
 * holds the listed ones, transitively ({@code orders:admin} implies {@code orders:write} implies
 * {@code orders:read} lets an {@code orders:admin} token call an {@code orders:read} method).
 *
 * <p>Resolved at compile time: an unknown name or a cycle is a compile error, and each generated
 * check becomes a plain set test. {@code @TokenPermissions} still shows the permissions as written
 * in the token.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Implies {
  /** The permissions this one grants as well. */
  String[] value();
}
