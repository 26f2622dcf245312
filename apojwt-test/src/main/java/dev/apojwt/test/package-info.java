/**
 * The apojwt test kit, for a service's own tests (add {@code dev.apojwt:apojwt-test} with test
 * scope):
 *
 * <ul>
 *   <li>{@link dev.apojwt.test.TestTokens}: real signed tokens of the {@code ApoJwt} under test,
 *       valid and each kind of bad;
 *   <li>{@link dev.apojwt.test.AccessMatrix}: calls every guarded method with the tokens its access
 *       table admits and refuses, and lists every case the guard got wrong;
 *   <li>{@link dev.apojwt.test.AccessSnapshot}: holds the access tables against a reviewed file;
 *   <li>{@link dev.apojwt.test.ApoJwtTest @ApoJwtTest}: a JUnit 5 extension that hands tests an
 *       {@code ApoJwt} with throwaway keys, its {@code TestTokens} and its {@link
 *       dev.apojwt.test.TestClock};
 *   <li>{@link dev.apojwt.test.CallerToken}: presents a token to the guards called in a test.
 * </ul>
 */
package dev.apojwt.test;
