package dev.apojwt.processor;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.apojwt.processor.Reporter.Diagnostics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Reads default-method bodies with javac's tree API for {@link DefaultBodyChecker}.
 *
 * <p>A body is first scanned as written: only when it names a method that its rule does not cover
 * (or a private method that, as written, may reach one) are its calls resolved. Resolving makes
 * javac attribute the interface during annotation processing, which is sound but shows the
 * interface's lint warnings once more after a later round; bodies that call nothing stricter, the
 * usual case, are never attributed early.
 */
final class TreeBodies implements DefaultBodyChecker.Bodies {
  private final Trees trees;
  private final Types types;

  private TreeBodies(Trees trees, Types types) {
    this.trees = trees;
    this.types = types;
  }

  /**
   * The tree API of {@code env}'s compiler.
   *
   * @throws IllegalArgumentException if the compiler is not javac (ECJ, or an environment an IDE
   *     wraps); a {@link LinkageError} if the JDK has no {@code jdk.compiler} module
   */
  static DefaultBodyChecker.Bodies create(ProcessingEnvironment env) {
    return new TreeBodies(Trees.instance(env), env.getTypeUtils());
  }

  @Override
  public boolean hasBody(ExecutableElement method) {
    MethodTree tree = trees.getTree(method);
    return tree != null && tree.getBody() != null;
  }

  @Override
  public String check(
      ExecutableElement method,
      Rule rule,
      Set<String> stricter,
      DefaultBodyChecker.Rules rules,
      Diagnostics diagnostics) {
    TreePath path = trees.getPath(method);
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    Set<String> names = new HashSet<>(stricter);
    addPrivateMethodsReaching(owner, names);
    MethodTree tree = (MethodTree) path.getLeaf();
    if (!mentionsAny(tree.getBody(), names)) {
      return null;
    }
    Body body = new Body(owner, tree, rule, names, rules, new HashSet<>());
    body.scan(new TreePath(path, tree.getBody()), null);

    CompilationUnitTree unit = path.getCompilationUnit();
    String caller = Describe.signature(method);
    String callerName = method.getSimpleName().toString();
    for (Violation v : body.violations) {
      String calleeName = v.callee().getSimpleName().toString();
      Consumer<String> print =
          text -> trees.printMessage(Diagnostic.Kind.ERROR, text, v.call(), unit);
      if (v.through() == null) {
        diagnostics.reportAt(
            v.call(),
            print,
            Message.DEFAULT_CALLS_STRICTER,
            caller,
            DefaultBodyChecker.describe(rule),
            Describe.signature(v.callee()),
            v.required().describe(),
            callerName,
            calleeName);
      } else {
        diagnostics.reportAt(
            v.call(),
            print,
            Message.DEFAULT_CALLS_STRICTER_THROUGH_PRIVATE,
            caller,
            DefaultBodyChecker.describe(rule),
            Describe.signature(v.through()),
            Describe.signature(v.callee()),
            v.required().describe(),
            callerName,
            calleeName);
      }
    }
    return body.unresolved;
  }

  /**
   * Adds to {@code names} the names of {@code owner}'s private instance methods whose bodies, as
   * written, name one of {@code names} (directly or through another private method).
   */
  private void addPrivateMethodsReaching(TypeElement owner, Set<String> names) {
    Map<String, Set<String>> mentioned = new LinkedHashMap<>();
    for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      if (ElementSupport.isPrivate(method) && !ElementSupport.isStatic(method)) {
        MethodTree tree = trees.getTree(method);
        if (tree != null && tree.getBody() != null) {
          mentioned
              .computeIfAbsent(method.getSimpleName().toString(), n -> new HashSet<>())
              .addAll(namesIn(tree.getBody()));
        }
      }
    }
    boolean added = true;
    while (added) {
      added = false;
      for (Map.Entry<String, Set<String>> e : mentioned.entrySet()) {
        if (!names.contains(e.getKey()) && e.getValue().stream().anyMatch(names::contains)) {
          names.add(e.getKey());
          added = true;
        }
      }
    }
  }

  private static boolean mentionsAny(Tree tree, Set<String> names) {
    return namesIn(tree).stream().anyMatch(names::contains);
  }

  /** The names of the methods {@code tree} calls or references, as written (no attribution). */
  private static Set<String> namesIn(Tree tree) {
    Set<String> names = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        ExpressionTree select = node.getMethodSelect();
        if (select instanceof IdentifierTree) {
          names.add(((IdentifierTree) select).getName().toString());
        } else if (select instanceof MemberSelectTree) {
          names.add(((MemberSelectTree) select).getIdentifier().toString());
        }
        return super.visitMethodInvocation(node, unused);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree node, Void unused) {
        names.add(node.getName().toString());
        return super.visitMemberReference(node, unused);
      }
    }.scan(tree, null);
    return names;
  }

  /**
   * A call that skips a check: at {@code call} (in the default body), {@code callee} requiring
   * {@code required}, reached {@code through} a private method called at {@code call} (or null).
   */
  private record Violation(
      Tree call, ExecutableElement callee, Rule required, ExecutableElement through) {}

  /** What a call's receiver is. */
  private enum Receiver {
    /** {@code this} of the interface, dispatched virtually: the implementation's method. */
    THIS,
    /** {@code Shop.super}: exactly that interface's method. */
    SUPER,
    /** Anything else: another object, or an inner class's {@code this}. */
    OTHER
  }

  /** Scans one body (a default method's, or a private method's it calls) for calls on this. */
  private final class Body extends TreePathScanner<Void, Void> {
    private final TypeElement owner;
    private final MethodTree method;
    private final Rule rule;
    private final Set<String> names;
    private final DefaultBodyChecker.Rules rules;

    /** The private methods being read, to stop on recursion. */
    private final Set<ExecutableElement> reading;

    final List<Violation> violations = new ArrayList<>();
    String unresolved;

    Body(
        TypeElement owner,
        MethodTree method,
        Rule rule,
        Set<String> names,
        DefaultBodyChecker.Rules rules,
        Set<ExecutableElement> reading) {
      this.owner = owner;
      this.method = method;
      this.rule = rule;
      this.names = names;
      this.rules = rules;
      this.reading = reading;
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
      ExpressionTree select = node.getMethodSelect();
      if (select instanceof IdentifierTree) {
        String name = ((IdentifierTree) select).getName().toString();
        if (names.contains(name)) {
          call(getCurrentPath(), null, name);
        }
      } else if (select instanceof MemberSelectTree) {
        MemberSelectTree member = (MemberSelectTree) select;
        String name = member.getIdentifier().toString();
        TreePath qualifier =
            self(new TreePath(new TreePath(getCurrentPath(), select), member.getExpression()));
        if (names.contains(name) && qualifier != null) {
          call(getCurrentPath(), qualifier, name);
        }
      }
      return super.visitMethodInvocation(node, unused);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree node, Void unused) {
      String name = node.getName().toString();
      TreePath qualifier = self(new TreePath(getCurrentPath(), node.getQualifierExpression()));
      if (names.contains(name) && qualifier != null) {
        call(getCurrentPath(), qualifier, name);
      }
      return super.visitMemberReference(node, unused);
    }

    /**
     * {@code qualifier} without parentheses and casts when it is {@code this}, {@code X.this} or
     * {@code X.super} (as written); else null.
     */
    private TreePath self(TreePath qualifier) {
      TreePath path = qualifier;
      while (true) {
        Tree leaf = path.getLeaf();
        if (leaf.getKind() == Tree.Kind.PARENTHESIZED) {
          path = new TreePath(path, ((ParenthesizedTree) leaf).getExpression());
        } else if (leaf.getKind() == Tree.Kind.TYPE_CAST) {
          path = new TreePath(path, ((TypeCastTree) leaf).getExpression());
        } else {
          break;
        }
      }
      Tree leaf = path.getLeaf();
      if (leaf instanceof IdentifierTree) {
        return ((IdentifierTree) leaf).getName().contentEquals("this") ? path : null;
      }
      if (leaf instanceof MemberSelectTree) {
        String identifier = ((MemberSelectTree) leaf).getIdentifier().toString();
        return identifier.equals("this") || identifier.equals("super") ? path : null;
      }
      return null;
    }

    /** A call (or method reference) named like a stricter method; {@code qualifier} null: none. */
    private void call(TreePath call, TreePath qualifier, String name) {
      Element element = trees.getElement(call); // attributes the interface on first use
      // javac still picks an overload for an argument of a type that does not exist yet (a later
      // round may generate it), perhaps not the one it will pick then: judge the call only once
      // every argument resolves.
      if (!(element instanceof ExecutableElement) || hasErroneousArgument(call)) {
        if (unresolved == null) {
          unresolved = "a call to " + name;
        }
        return;
      }
      ExecutableElement callee = (ExecutableElement) element;
      if (ElementSupport.isStatic(callee)) {
        return;
      }
      Receiver receiver = receiver(call, qualifier, callee);
      if (receiver == Receiver.OTHER) {
        return;
      }
      if (ElementSupport.isPrivate(callee)) {
        readPrivate(call, callee);
        return;
      }
      Rule required = receiver == Receiver.SUPER ? rules.of(callee) : rules.reached(callee);
      if (required != null && !rules.guarantees(rule, required)) {
        violations.add(new Violation(call.getLeaf(), callee, required, null));
      }
    }

    private boolean hasErroneousArgument(TreePath call) {
      if (!(call.getLeaf() instanceof MethodInvocationTree)) {
        return false;
      }
      for (ExpressionTree argument : ((MethodInvocationTree) call.getLeaf()).getArguments()) {
        if (TypeSupport.findError(trees.getTypeMirror(new TreePath(call, argument))) != null) {
          return true;
        }
      }
      return false;
    }

    /** Whose method a call runs. */
    private Receiver receiver(TreePath call, TreePath qualifier, ExecutableElement callee) {
      List<TypeElement> classes = classesAround(call);
      if (qualifier == null) {
        // The innermost enclosing class that has the method as a member is the receiver; private
        // methods are no inherited members, so they are always the interface's own.
        if (!ElementSupport.isPrivate(callee)) {
          Element declaring = callee.getEnclosingElement();
          for (TypeElement type : classes) {
            if (type != null
                && types.isSubtype(
                    types.erasure(type.asType()), types.erasure(declaring.asType()))) {
              return Receiver.OTHER;
            }
          }
        }
        return Receiver.THIS;
      }
      Tree leaf = qualifier.getLeaf();
      if (leaf instanceof IdentifierTree) { // this: the innermost class's
        return classes.isEmpty() ? Receiver.THIS : Receiver.OTHER;
      }
      MemberSelectTree select = (MemberSelectTree) leaf;
      Element type = trees.getElement(new TreePath(qualifier, select.getExpression()));
      if (select.getIdentifier().contentEquals("this")) { // Shop.this
        return owner.equals(type) ? Receiver.THIS : Receiver.OTHER;
      }
      // Shop.super: the superinterface's method, on the innermost class's this.
      return classes.isEmpty() && type != null && ElementSupport.isInterface(type)
          ? Receiver.SUPER
          : Receiver.OTHER;
    }

    /** The classes (anonymous, local) between {@code call} and the method, innermost first. */
    private List<TypeElement> classesAround(TreePath call) {
      List<TypeElement> classes = new ArrayList<>();
      for (TreePath p = call.getParentPath(); p != null; p = p.getParentPath()) {
        if (p.getLeaf() == method) {
          break;
        }
        if (p.getLeaf() instanceof ClassTree) {
          Element element = trees.getElement(p);
          classes.add(element instanceof TypeElement ? (TypeElement) element : null);
        }
      }
      return classes;
    }

    /** A private method called on this runs under the same rule: read its body too. */
    private void readPrivate(TreePath call, ExecutableElement callee) {
      TreePath path = trees.getPath(callee);
      if (path == null || !reading.add(callee)) {
        return;
      }
      MethodTree tree = (MethodTree) path.getLeaf();
      if (tree.getBody() != null) {
        Body body = new Body(owner, tree, rule, names, rules, reading);
        body.scan(new TreePath(path, tree.getBody()), null);
        for (Violation v : body.violations) {
          violations.add(new Violation(call.getLeaf(), v.callee(), v.required(), callee));
        }
        if (unresolved == null) {
          unresolved = body.unresolved;
        }
      }
      reading.remove(callee);
    }
  }
}
