package dev.sluice.r2dbc.sqlite;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits SQL into statements and rewrites parameter markers.
 *
 * <p>Recognised markers: {@code ?}, {@code ?NNN}, {@code $n} (PostgreSQL style, numbered, 1-based),
 * {@code :name}, {@code @name} and {@code $name}. Numbering follows SQLite: {@code ?} takes the largest number
 * assigned so far plus one, a name gets a new number at its first occurrence. Every marker is rewritten to
 * {@code ?N}, which SQLite understands natively, so binding is positional and independent of the marker style.
 * Markers inside string literals, quoted identifiers and comments are left alone. Statements are split at
 * top-level semicolons, except inside the body of {@code CREATE TRIGGER ... BEGIN ... END}.
 */
final class SqlParser {

    private final String sql;
    private final StringBuilder out = new StringBuilder();
    private final List<ParsedSql.Unit> units = new ArrayList<>();
    private final Map<String, Integer> names = new HashMap<>();
    private final BitSet referenced = new BitSet();
    private BitSet unitParams = new BitSet();
    private final List<String> leadingWords = new ArrayList<>();
    private int maxIndex; // largest 1-based parameter number so far
    private boolean hasContent;
    private boolean lastWordWasEnd;

    private SqlParser(String sql) {
        this.sql = sql;
    }

    static ParsedSql parse(String sql) {
        SqlParser parser = new SqlParser(sql);
        parser.run();
        return new ParsedSql(sql, parser.units, parser.maxIndex, parser.referenced, parser.names);
    }

    private void run() {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = copyQuoted(i, c, c);
            } else if (c == '[') {
                i = copyQuoted(i, '[', ']');
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(sql, i, end);
                i = end;
            } else if (c == ';') {
                if (isTrigger() && !lastWordWasEnd) {
                    out.append(c);
                    i++;
                } else {
                    endStatement();
                    i++;
                }
            } else if (c == '?') {
                i = marker(i);
            } else if ((c == ':' || c == '@' || c == '$') && i + 1 < n && isWordChar(sql.charAt(i + 1))) {
                i = marker(i);
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && isWordChar(sql.charAt(end))) {
                    end++;
                }
                word(sql.substring(i, end));
                out.append(sql, i, end);
                i = end;
            } else {
                if (!Character.isWhitespace(c)) {
                    hasContent = true;
                    lastWordWasEnd = false;
                }
                out.append(c);
                i++;
            }
        }
        endStatement();
    }

    private void word(String word) {
        hasContent = true;
        String upper = word.toUpperCase(Locale.ROOT);
        if (leadingWords.size() < 4) {
            leadingWords.add(upper);
        }
        lastWordWasEnd = upper.equals("END");
    }

    private boolean isTrigger() {
        if (leadingWords.isEmpty() || !leadingWords.get(0).equals("CREATE")) {
            return false;
        }
        for (int k = 1; k < leadingWords.size(); k++) {
            if (leadingWords.get(k).equals("TRIGGER")) {
                return true;
            }
        }
        return false;
    }

    private int copyQuoted(int start, char open, char close) {
        hasContent = true;
        lastWordWasEnd = false;
        int i = start + 1;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == close) {
                if (open == close && i + 1 < n && sql.charAt(i + 1) == close) {
                    i += 2; // escaped quote
                    continue;
                }
                i++;
                break;
            }
            i++;
        }
        out.append(sql, start, i);
        return i;
    }

    private int marker(int start) {
        hasContent = true;
        lastWordWasEnd = false;
        char kind = sql.charAt(start);
        int i = start + 1;
        int n = sql.length();
        while (i < n && isWordChar(sql.charAt(i))) {
            i++;
        }
        String token = sql.substring(start, i);
        String body = token.substring(1);
        int index; // 1-based
        if (kind == '?') {
            if (body.isEmpty()) {
                index = maxIndex + 1;
            } else if (isDigits(body)) {
                index = Integer.parseInt(body);
                names.putIfAbsent(token, index - 1);
            } else {
                throw new IllegalArgumentException("Invalid parameter marker '" + token + "' in: " + sql);
            }
        } else if (kind == '$' && isDigits(body)) {
            index = Integer.parseInt(body);
            names.putIfAbsent(token, index - 1);
        } else {
            Integer known = names.get(token);
            index = known != null ? known + 1 : maxIndex + 1;
            names.putIfAbsent(token, index - 1);
            names.putIfAbsent(body, index - 1);
        }
        if (index < 1) {
            throw new IllegalArgumentException("Invalid parameter number in '" + token + "': " + sql);
        }
        maxIndex = Math.max(maxIndex, index);
        referenced.set(index - 1);
        unitParams.set(index - 1);
        out.append('?').append(index);
        return i;
    }

    private void endStatement() {
        String text = out.toString().strip();
        if (hasContent && !text.isEmpty()) {
            String first = leadingWords.isEmpty() ? "" : leadingWords.get(0);
            boolean dml = first.equals("INSERT") || first.equals("UPDATE") || first.equals("DELETE")
                || first.equals("REPLACE") || first.equals("WITH");
            units.add(new ParsedSql.Unit(text, unitParams.stream().toArray(), dml, ParsedSql.Kind.of(first)));
        }
        out.setLength(0);
        leadingWords.clear();
        unitParams = new BitSet();
        hasContent = false;
        lastWordWasEnd = false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (!Character.isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
