package dev.sluice.migrations.pull;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Java names for SQL names: {@code auth_otp} is the class {@code AuthOtp}, the field
 * {@code authOtp} and the constant {@code AUTH_OTP}. Characters a Java name cannot hold become
 * word breaks, a leading digit gets a {@code _}, a keyword a trailing {@code _}; {@link Scope}
 * keeps names unique where they share a namespace.
 */
final class JavaNames {
  private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
      "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
      "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
      "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch",
      "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false",
      "null", "var", "record", "yield", "sealed", "permits", "non-sealed", "_");

  private JavaNames() { }

  /** {@code auth_otp} → {@code AuthOtp}. */
  static String type(String sql) {
    StringBuilder b = new StringBuilder();
    for (String w : words(sql)) {
      b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
    }
    return safe(b.isEmpty() ? "X" : b.toString());
  }

  /** {@code full_name} → {@code fullName}. */
  static String member(String sql) {
    String t = type(sql);
    return safe(Character.toLowerCase(t.charAt(0)) + t.substring(1));
  }

  /** {@code auth_otp} → {@code AUTH_OTP}. */
  static String constant(String sql) {
    String c = String.join("_", words(sql)).toUpperCase(Locale.ROOT);
    return safe(c.isEmpty() ? "EMPTY" : c);
  }

  /** The row record's name for a table: {@code cities} → {@code City}, {@code users} → {@code User}. */
  static String singular(String typeName) {
    if (typeName.endsWith("ies") && typeName.length() > 3) {
      return typeName.substring(0, typeName.length() - 3) + "y";
    }
    if (typeName.endsWith("sses") || typeName.endsWith("xes") || typeName.endsWith("ches") || typeName.endsWith("shes")) {
      return typeName.substring(0, typeName.length() - 2);
    }
    if (typeName.endsWith("s") && !typeName.endsWith("ss") && typeName.length() > 1) {
      return typeName.substring(0, typeName.length() - 1);
    }
    return typeName + "Row";
  }

  private static java.util.List<String> words(String sql) {
    java.util.List<String> out = new java.util.ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 128) {
        w.append(c);
      } else if (!w.isEmpty()) {
        out.add(w.toString());
        w.setLength(0);
      }
    }
    if (!w.isEmpty()) {
      out.add(w.toString());
    }
    return out.stream().map(s -> s.equals(s.toUpperCase(Locale.ROOT)) ? s.toLowerCase(Locale.ROOT) : s).toList();
  }

  private static String safe(String name) {
    String n = Character.isDigit(name.charAt(0)) ? "_" + name : name;
    return KEYWORDS.contains(n) ? n + "_" : n;
  }

  /** Names taken in one namespace; {@link #take} returns the name, or it with a number when taken. */
  static final class Scope {
    private final Set<String> taken = new HashSet<>();

    Scope(String... reserved) {
      taken.addAll(Set.of(reserved));
    }

    String take(String name) {
      String n = name;
      for (int i = 2; !taken.add(n.toLowerCase(Locale.ROOT)); i++) {
        n = name + i;
      }
      return n;
    }
  }
}
