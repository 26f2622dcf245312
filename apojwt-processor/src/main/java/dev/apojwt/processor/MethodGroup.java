package dev.apojwt.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ExecutableType;

/**
 * The members of a handler interface that one guard method implements: one method, or several
 * override-equivalent ones inherited together from different superinterfaces, each with its type as
 * a member of the handler.
 */
record MethodGroup(
    String signature, List<ExecutableElement> members, List<ExecutableType> memberTypes) {}
