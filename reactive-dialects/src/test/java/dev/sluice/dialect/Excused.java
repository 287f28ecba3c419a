package dev.sluice.dialect;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables one inherited contract test on one database, with the database's reason, where the
 * contract method is package-private and so cannot be overridden with {@code @Disabled}:
 * {@code @Excused(test = "updateAndDeleteCanReturnTheRowsTheyChanged", reason = "no UPDATE ... RETURNING")}.
 * The test is reported as skipped with the reason. An excuse naming no test of the class fails the
 * whole class (see {@link Condition#missingTests}), and {@code ExcusedTest} checks every class.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Excused.All.class)
@ExtendWith(Excused.Condition.class)
public @interface Excused {
  /** The contract test method's name. */
  String test();

  /** Why this database cannot pass it. */
  String reason();

  /** The container of repeated {@link Excused}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @ExtendWith(Excused.Condition.class)
  @interface All {
    Excused[] value();
  }

  /** Disables the excused methods of the test class. */
  final class Condition implements ExecutionCondition {
    @Override public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      Method m = context.getTestMethod().orElse(null);
      Class<?> type = context.getTestClass().orElse(null);
      if (type != null && m == null) {
        String missing = missingTests(type);
        if (missing != null) {
          throw new IllegalStateException(missing);
        }
      }
      if (m == null || type == null) {
        return ConditionEvaluationResult.enabled("not a test method");
      }
      for (Excused e : type.getAnnotationsByType(Excused.class)) {
        if (e.test().equals(m.getName())) {
          return ConditionEvaluationResult.disabled(e.reason());
        }
      }
      return ConditionEvaluationResult.enabled("not excused");
    }

    /**
     * Null when every {@code @Excused} of {@code type} names a method of it or of a superclass, else
     * a message naming the ones that name none (a renamed or deleted contract test).
     */
    public static String missingTests(Class<?> type) {
      java.util.Set<String> methods = new java.util.HashSet<>();
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        for (Method method : c.getDeclaredMethods()) {
          methods.add(method.getName());
        }
      }
      java.util.List<String> missing = java.util.Arrays.stream(type.getAnnotationsByType(Excused.class))
          .map(Excused::test).filter(name -> !methods.contains(name)).toList();
      return missing.isEmpty() ? null
          : type.getName() + " excuses tests it does not have: " + missing;
    }
  }
}
