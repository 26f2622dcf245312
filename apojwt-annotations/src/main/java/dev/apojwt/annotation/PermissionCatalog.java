package dev.apojwt.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the application's permissions: every {@code static final String} constant of the
 * annotated class or interface is one permission, and its value is the permission's name.
 *
 * <pre>{@code
 * @PermissionCatalog
 * public interface Perms {
 *   String ORDERS_READ = "orders:read";
 *   @Implies(ORDERS_READ)  String ORDERS_WRITE = "orders:write";
 *   @Implies(ORDERS_WRITE) String ORDERS_ADMIN = "orders:admin";   // declared after what it names
 * }
 * }</pre>
 *
 * <p>When a compilation has a catalog, every name in {@link PermissionRequired} must be one of its
 * permissions (a misspelling is a compile error with a "did you mean" suggestion). The processor
 * resolves the {@link Implies} hierarchy at compile time into a generated class {@code
 * <Catalog>Hierarchy} beside the catalog, which the guards read.
 *
 * <p>Catalogs in the same compilation are found automatically. A catalog in a library jar is named
 * with the processor option {@code -Aapojwt.catalog=com.example.Perms} (comma-separated for
 * several).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PermissionCatalog {}
