package dev.sluice.migrations.introspect;

import dev.sluice.Row;
import dev.sluice.schema.ReferentialAction;
import java.util.Locale;

/**
 * Reading catalog values as drivers return them: a flag may be a {@code Boolean} (SQL Server's
 * {@code bit}), a number or {@code 'YES'}/{@code 'Y'}; a number may be a {@code Short}, a
 * {@code BigDecimal} (Oracle's {@code NUMBER}) or text.
 */
final class CatalogValues {
  private CatalogValues() { }

  /** The value as text, or null. */
  static String str(Row r, String name) {
    Object v = r.get(name, Object.class);
    return v == null ? null : v.toString();
  }

  /** The value as an int, or {@code absent} when it is null. */
  static int integer(Row r, String name, int absent) {
    Object v = r.get(name, Object.class);
    if (v == null) {
      return absent;
    }
    return v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString().trim());
  }

  /** True for {@code true}, a non-zero number, {@code YES}, {@code Y}. */
  static boolean flag(Row r, String name) {
    Object v = r.get(name, Object.class);
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.intValue() != 0;
    }
    String s = v.toString().trim().toUpperCase(Locale.ROOT);
    return s.equals("YES") || s.equals("Y") || s.equals("TRUE") || s.equals("1");
  }

  /** A rule as catalogs spell it: {@code CASCADE}, {@code SET NULL}, {@code SET_NULL}, {@code NO ACTION}... */
  static ReferentialAction action(String rule) {
    String r = rule == null ? "" : rule.trim().toUpperCase(Locale.ROOT).replace('_', ' ');
    return switch (r) {
      case "CASCADE" -> ReferentialAction.CASCADE;
      case "SET NULL" -> ReferentialAction.SET_NULL;
      case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
      case "RESTRICT" -> ReferentialAction.RESTRICT;
      default -> ReferentialAction.NO_ACTION;
    };
  }

  /** {@code ((0))} → {@code 0}: the outer parentheses SQL Server wraps around a default, as many as wrap all of it. */
  static String unwrap(String s) {
    if (s == null) {
      return null;
    }
    String t = s.trim();
    while (t.length() >= 2 && t.charAt(0) == '(' && SqliteIntrospector.balanced(t, 0).length() == t.length() - 2) {
      t = t.substring(1, t.length() - 1).trim();
    }
    return t;
  }
}
