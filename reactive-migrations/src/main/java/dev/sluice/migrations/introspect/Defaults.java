package dev.sluice.migrations.introspect;

import dev.sluice.migrations.snapshot.ColumnDefault;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a default as a catalog prints it back into a {@link ColumnDefault}. */
final class Defaults {
  private static final Pattern CAST = Pattern.compile("^\\(?('(?:[^']|'')*')\\)?::[a-z ]+(?:\\(\\d+(?:,\\s*\\d+)?\\))?$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?$");

  private Defaults() { }

  /** {@code 'a''b'::character varying}, {@code 'a'}, {@code 18}, {@code true}, {@code CURRENT_TIMESTAMP}... */
  static ColumnDefault parse(String printed, boolean booleanColumn) {
    if (printed == null) {
      return null;
    }
    String s = printed.trim();
    if (s.isEmpty() || s.equalsIgnoreCase("NULL")) {
      return null;
    }
    Matcher cast = CAST.matcher(s);
    if (cast.matches()) {
      s = cast.group(1);
    }
    if (s.startsWith("'") && s.endsWith("'") && s.length() >= 2) {
      String v = s.substring(1, s.length() - 1).replace("''", "'");
      if (NUMBER.matcher(v).matches() && !booleanColumn && cast.matches() && isNumericCast(printed)) {
        return ColumnDefault.number(v);
      }
      return ColumnDefault.string(v);
    }
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return ColumnDefault.bool(Boolean.parseBoolean(s.toLowerCase(java.util.Locale.ROOT)));
    }
    if (NUMBER.matcher(s).matches()) {
      return booleanColumn ? ColumnDefault.bool(!s.equals("0")) : ColumnDefault.number(s);
    }
    return ColumnDefault.sql(s);
  }

  private static boolean isNumericCast(String printed) {
    String t = printed.substring(printed.lastIndexOf("::") + 2).toLowerCase(java.util.Locale.ROOT);
    return t.startsWith("int") || t.startsWith("numeric") || t.startsWith("bigint") || t.startsWith("smallint")
        || t.startsWith("real") || t.startsWith("double");
  }
}
