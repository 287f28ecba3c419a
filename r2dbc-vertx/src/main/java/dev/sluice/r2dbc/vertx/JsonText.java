package dev.sluice.r2dbc.vertx;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The exact text of a JSON column from what Vert.x decoded, or a refusal. Vert.x parses every
 * {@code json}/{@code jsonb} value into its {@code JsonObject}, {@code JsonArray} or a scalar, and
 * gives no way to receive the text. PostgreSQL writes a {@code jsonb} value in one normal form (keys
 * in stored order without duplicates, {@code ", "} and {@code ": "} between items, numbers as
 * {@code numeric} prints them, strings escaped as {@code escape_json} does), so from a parse whose
 * numbers are all integers (decoded exactly as {@code Integer}, {@code Long} or {@code BigInteger})
 * that text is rebuilt exactly (PostgreSQL prints a jsonb number without exponent: {@code 1e2} is
 * {@code 100}). A number with a decimal point was decoded as a double, which loses its spelling
 * ({@code 1.50}) and digits, so it is refused; so is every {@code json} value,
 * whose text PostgreSQL keeps verbatim (spacing, key order, duplicate keys) and Vert.x drops.
 */
final class JsonText {
    private JsonText() {
    }

    /** The text PostgreSQL would send for this column's value; {@code typeName} is {@code JSON} or {@code JSONB}. */
    static String of(Object raw, String typeName, String column) {
        if (!"JSONB".equals(typeName)) {
            throw new InexactValueException("Column '" + column + "' is of type json, whose text PostgreSQL keeps as"
                + " written but Vert.x parses (spacing, key order, duplicate keys and the spelling of numbers are lost),"
                + " so r2dbc-vertx cannot read it exactly: select it as text (" + column + "::text), or read it as"
                + " io.vertx.core.json.JsonObject or JsonArray to accept Vert.x's parse");
        }
        StringBuilder out = new StringBuilder();
        if (!write(raw == Tuple.JSON_NULL ? null : raw, out)) {
            throw new InexactValueException("Column '" + column + "' (jsonb) holds a number with a decimal point,"
                + " which Vert.x decodes as a double, losing its exact text (1.50 would read 1.5, long decimals lose"
                + " digits), so r2dbc-vertx refuses it: select it as text (" + column + "::text) to read it exactly");
        }
        return out.toString();
    }

    /** Appends {@code v} as PostgreSQL writes jsonb; false when a number in it is not exactly known. */
    private static boolean write(Object v, StringBuilder out) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof JsonObject o) {
            return object(o.getMap(), out);
        } else if (v instanceof Map<?, ?> m) {
            return object(m, out);
        } else if (v instanceof JsonArray a) {
            return array(a.getList(), out);
        } else if (v instanceof List<?> l) {
            return array(l, out);
        } else if (v instanceof String s) {
            string(s, out);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof BigInteger
            || v instanceof Short || v instanceof Byte) {
            out.append(v);
        } else {
            return false;
        }
        return true;
    }

    private static boolean object(Map<?, ?> m, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            out.append(first ? "" : ", ");
            first = false;
            string(String.valueOf(e.getKey()), out);
            out.append(": ");
            if (!write(e.getValue(), out)) {
                return false;
            }
        }
        out.append('}');
        return true;
    }

    private static boolean array(List<?> l, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < l.size(); i++) {
            out.append(i > 0 ? ", " : "");
            if (!write(l.get(i), out)) {
                return false;
            }
        }
        out.append(']');
        return true;
    }

    /**
     * A string quoted as PostgreSQL's {@code escape_json} does: the short escapes, any other control character
     * as a lowercase four-digit hex escape, everything else as it is.
     */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < ' ') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
