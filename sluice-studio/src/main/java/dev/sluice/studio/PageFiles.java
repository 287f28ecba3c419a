package dev.sluice.studio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The page and its script and style, read once from this package's resources when the studio is
 * configured (never on a Reactor thread). The page gets the write token and the mode written in.
 */
record PageFiles(String html, String script, String style) {
  static final String TOKEN = "@@TOKEN@@";
  static final String WRITABLE = "@@WRITABLE@@";

  static PageFiles load() {
    return new PageFiles(read("studio.html"), read("studio.js"), read("studio.css"));
  }

  /** The page for a studio whose write token is {@code token} (hex, nothing to escape). */
  String page(String token, boolean writable) {
    return html.replace(TOKEN, token).replace(WRITABLE, Boolean.toString(writable));
  }

  private static String read(String name) {
    try (InputStream in = PageFiles.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource dev/sluice/studio/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
