package dev.sluice.migrations.introspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels of a check that stands in for an enum where the database has no enum type (SQLite,
 * H2): {@code "popularity" IN ('unknown', 'known', 'popular')}, as SQLite keeps it or H2 reprints
 * it ({@code "popularity" IN('unknown', 'known', 'popular')}). Such a check is named
 * {@code <table>_<column>_enum}; the column reads back as an enum named {@code <table>_<column>}
 * with these labels, as MySQL's inline enums do.
 */
final class EnumChecks {
  private static final Pattern IN_LIST = Pattern.compile("^\\s*\\(?\\s*\"((?:[^\"]|\"\")+)\"\\s+IN\\s*\\((.*)\\)\\s*\\)?\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern LABEL = Pattern.compile("'((?:[^']|'')*)'");

  private EnumChecks() { }

  /** True for the name of a check standing in for an enum. */
  static boolean isEnumCheck(String name) {
    return name.endsWith("_enum");
  }

  /**
   * A stand-in check read: the column its body names (a renamed table or column keeps the check's
   * old name, but the body names the column as it is now) and its labels.
   */
  record Parsed(String column, List<String> labels) { }

  /** The enum's name for a column: {@code <table>_<column>}. */
  static String enumName(String table, String column) {
    return table + "_" + column;
  }

  /** The column and labels of {@code body}, in order, or empty when it is no {@code "c" IN ('a', ...)} list. */
  static Optional<Parsed> parse(String body) {
    Matcher m = IN_LIST.matcher(body);
    if (!m.matches()) {
      return Optional.empty();
    }
    List<String> labels = new ArrayList<>();
    Matcher l = LABEL.matcher(m.group(2));
    while (l.find()) {
      labels.add(l.group(1).replace("''", "'"));
    }
    return Optional.of(new Parsed(m.group(1).replace("\"\"", "\""), List.copyOf(labels)));
  }
}
