package dev.sluice.openapi;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Whether a record component may be null, from its type and its annotations. Annotations are
 * matched by simple name, so those of JSpecify, Jakarta Validation, JSR 305, Checker Framework,
 * Lombok, Spring and others all count, without a dependency on any of them.
 *
 * <ul>
 *   <li>a primitive is never null; an {@code Optional} may be absent (null);
 *   <li>{@code @NonNull}, {@code @NotNull}, {@code @Nonnull} say never null, {@code @Nullable} and
 *       {@code @CheckForNull} say may be null, on the component, its accessor, its field or its type;
 *   <li>otherwise a reference may be null, unless the record, a class around it or its package is
 *       {@code @NullMarked} (and no nearer {@code @NullUnmarked}).
 * </ul>
 *
 * <p>An element of a list or array, or a value of a map, is never null unless its type is annotated
 * {@code @Nullable} ({@code List<@Nullable String>}).
 */
final class Nullness {
  private static final Set<String> NON_NULL = Set.of("NonNull", "NotNull", "Nonnull");
  private static final Set<String> NULLABLE = Set.of("Nullable", "CheckForNull");

  private Nullness() { }

  /** True when the component may hold null (or be absent, for an {@code Optional}). */
  static boolean nullable(RecordComponent c) {
    Class<?> raw = c.getType();
    if (raw.isPrimitive()) {
      return false;
    }
    if (isOptional(raw)) {
      return true;
    }
    Boolean said = said(c, c.getAccessor(), c.getAnnotatedType(), fieldOf(c));
    if (said != null) {
      return said;
    }
    return !nullMarked(c.getDeclaringRecord());
  }

  /** True when an element type is annotated {@code @Nullable}. */
  static boolean nullableElement(AnnotatedType type) {
    return type != null && Boolean.TRUE.equals(said(type));
  }

  static boolean isOptional(Class<?> raw) {
    return raw == Optional.class || raw == OptionalInt.class || raw == OptionalLong.class
        || raw == OptionalDouble.class;
  }

  /** TRUE for a nullable annotation, FALSE for a non-null one, null when none says. */
  private static Boolean said(AnnotatedElement... places) {
    for (AnnotatedElement place : places) {
      if (place == null) {
        continue;
      }
      for (Annotation a : place.getAnnotations()) {
        String name = a.annotationType().getSimpleName();
        if (NON_NULL.contains(name)) {
          return Boolean.FALSE;
        }
        if (NULLABLE.contains(name)) {
          return Boolean.TRUE;
        }
      }
    }
    return null;
  }

  private static AnnotatedElement fieldOf(RecordComponent c) {
    try {
      return c.getDeclaringRecord().getDeclaredField(c.getName());
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static boolean nullMarked(Class<?> record) {
    for (Class<?> k = record; k != null; k = k.getEnclosingClass()) {
      Boolean marked = marking(k);
      if (marked != null) {
        return marked;
      }
    }
    Package p = record.getPackage();
    Boolean marked = p == null ? null : marking(p);
    return Boolean.TRUE.equals(marked);
  }

  private static Boolean marking(AnnotatedElement e) {
    for (Annotation a : e.getAnnotations()) {
      String name = a.annotationType().getSimpleName();
      if (name.equals("NullMarked")) {
        return Boolean.TRUE;
      }
      if (name.equals("NullUnmarked")) {
        return Boolean.FALSE;
      }
    }
    return null;
  }
}
