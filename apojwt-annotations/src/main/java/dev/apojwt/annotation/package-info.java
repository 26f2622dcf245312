/**
 * The annotations of apojwt: access rules for handler interface methods, parameters the guard fills
 * in, and the optional permission catalog.
 *
 * <p>A <em>handler interface</em> is an interface that carries an access rule, or declares a method
 * that does. Every method of a handler interface (its own, inherited or default) must have exactly
 * one access rule, its own or the interface's default:
 *
 * <ul>
 *   <li>{@link dev.apojwt.annotation.TokenRequired} — a valid access token;
 *   <li>{@link dev.apojwt.annotation.PermissionRequired} — a valid access token holding the listed
 *       permissions (all of {@code value}, or at least one of {@code anyOf});
 *   <li>{@link dev.apojwt.annotation.Refresh} — a valid refresh token;
 *   <li>{@link dev.apojwt.annotation.Public} — explicitly open.
 * </ul>
 *
 * <p>The apojwt annotation processor checks these rules at compile time and generates {@code
 * Guarded<Interface>}, a plain class that verifies the caller's JWT and its permissions before it
 * calls your implementation:
 *
 * <pre>{@code
 * @TokenRequired                                   // default for every method below
 * public interface Orders {
 *   List<Order> mine(Context ctx, @TokenSubject String user);
 *
 *   @PermissionRequired(Perms.ORDERS_WRITE)
 *   Order create(Context ctx, OrderRequest request);
 *
 *   @Public
 *   String health();
 * }
 *
 * Orders orders = new GuardedOrders(new OrdersImpl(), apoJwt);
 * }</pre>
 *
 * <p>All annotations have {@code CLASS} retention: they are read by the processor (also from class
 * files in jars) and cost nothing at run time.
 */
package dev.apojwt.annotation;
