package dev.sluice.migrations.pull;

/** Java source literals. */
final class JavaText {
  private JavaText() { }

  /** {@code s} as a Java string literal, quotes included. */
  static String string(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** {@code s} safe inside a Javadoc or block comment. */
  static String comment(String s) {
    return s.replace("*/", "*&#47;").replace("\n", " ");
  }
}
