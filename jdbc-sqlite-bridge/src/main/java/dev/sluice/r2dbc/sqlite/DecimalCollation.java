package dev.sluice.r2dbc.sqlite;

import java.math.BigDecimal;

/**
 * The {@code DECIMAL} collation, registered on every connection: compares text holding decimal numbers by their
 * value, so that a column of exact decimals kept as text ({@code amount TEXT COLLATE DECIMAL}) sorts, compares and
 * indexes as numbers: {@code '9.50' < '10.00'}, {@code '-20' < '-3'}, {@code '1.5' = '1.50'}. Numbers are plain
 * ({@code -123.45}) or in exponent form ({@code 1E+3}); text that is not a number sorts after every number, and
 * among itself by code point. The SQLite command-line shell has a collation of the same name and meaning (from
 * SQLite's {@code decimal} extension), so such files are usable there too.
 */
final class DecimalCollation extends org.sqlite.Collation {

    static final String NAME = "DECIMAL";

    @Override
    protected int xCompare(String a, String b) {
        return compare(a, b);
    }

    static int compare(String a, String b) {
        if (isPlain(a) && isPlain(b)) {
            return comparePlain(a, b);
        }
        BigDecimal x = parse(a);
        BigDecimal y = parse(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static BigDecimal parse(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An optional sign, digits, and an optional point with digits: at least one digit in all. */
    private static boolean isPlain(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        boolean digit = false;
        boolean point = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digit;
    }

    private static int comparePlain(String a, String b) {
        int sa = signum(a);
        int sb = signum(b);
        if (sa != sb || sa == 0) {
            return Integer.compare(sa, sb);
        }
        int magnitude = compareMagnitude(a, b);
        return sa > 0 ? magnitude : -magnitude;
    }

    private static int signum(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '1' && c <= '9') {
                return s.charAt(0) == '-' ? -1 : 1;
            }
        }
        return 0;
    }

    private static int compareMagnitude(String a, String b) {
        int ia = firstSignificant(a);
        int ib = firstSignificant(b);
        int pa = pointOrEnd(a);
        int pb = pointOrEnd(b);
        int intA = Math.max(0, pa - ia);
        int intB = Math.max(0, pb - ib);
        if (intA != intB) {
            return Integer.compare(intA, intB);
        }
        for (int k = 0; k < intA; k++) {
            int d = Character.compare(a.charAt(ia + k), b.charAt(ib + k));
            if (d != 0) {
                return d;
            }
        }
        int fa = pa + 1;
        int fb = pb + 1;
        int fracLength = Math.max(a.length() - fa, b.length() - fb);
        for (int k = 0; k < fracLength; k++) {
            char ca = fa + k < a.length() ? a.charAt(fa + k) : '0';
            char cb = fb + k < b.length() ? b.charAt(fb + k) : '0';
            if (ca != cb) {
                return Character.compare(ca, cb);
            }
        }
        return 0;
    }

    /** The index of the first integer digit that is not a leading zero (the point or end if none). */
    private static int firstSignificant(String s) {
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        while (i < s.length() && s.charAt(i) == '0') {
            i++;
        }
        return i;
    }

    private static int pointOrEnd(String s) {
        int p = s.indexOf('.');
        return p < 0 ? s.length() : p;
    }
}
