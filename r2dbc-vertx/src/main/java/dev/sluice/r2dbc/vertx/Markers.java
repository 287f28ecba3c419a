package dev.sluice.r2dbc.vertx;

/**
 * The {@code $n} parameter markers of a statement, outside string literals, quoted identifiers, dollar-quoted
 * strings and comments: how many there are, and the statement with each marker given its type.
 */
final class Markers {
    private Markers() {
    }

    /** The highest marker number. */
    static int count(String sql) {
        return scan(sql, null, null);
    }

    /**
     * {@code sql} with marker {@code $n} written {@code ($n::types[n-1])} where that type is not null: the
     * parameter's type is then the bound value's, as when a driver declares it in the Parse message.
     */
    static String typed(String sql, String[] types) {
        StringBuilder out = new StringBuilder(sql.length() + 16 * types.length);
        scan(sql, types, out);
        return out.toString();
    }

    private static int scan(String sql, String[] types, StringBuilder out) {
        int copied = 0;
        int max = 0;
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = closing(sql, i + 1, c);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '$') {
                int j = i + 1;
                if (j < n && Character.isDigit(sql.charAt(j))) {
                    int value = 0;
                    while (j < n && Character.isDigit(sql.charAt(j))) {
                        value = Math.min(100_000, value * 10 + (sql.charAt(j) - '0'));
                        j++;
                    }
                    max = Math.max(max, value);
                    if (out != null && value >= 1 && value <= types.length && types[value - 1] != null) {
                        out.append(sql, copied, i).append('(').append(sql, i, j).append("::")
                            .append(types[value - 1]).append(')');
                        copied = j;
                    }
                    i = j;
                } else {
                    while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                        j++;
                    }
                    if (j < n && sql.charAt(j) == '$' && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                        String tag = sql.substring(i, j + 1);
                        int end = sql.indexOf(tag, j + 1);
                        i = end < 0 ? n : end + tag.length();
                    } else {
                        i = j;
                    }
                }
            } else {
                i++;
            }
        }
        if (out != null) {
            out.append(sql, copied, n);
        }
        return max;
    }

    private static int closing(String sql, int from, char quote) {
        int i = from;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
