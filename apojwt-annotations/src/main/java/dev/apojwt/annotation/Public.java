package dev.apojwt.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method is deliberately open: no token is looked for or checked. It still has to be declared
 * (a handler method with no access rule is a compile error), and it is listed as public in the
 * generated access table, so a reviewer sees every open endpoint.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Public {}
