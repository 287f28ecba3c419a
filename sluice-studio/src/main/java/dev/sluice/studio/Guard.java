package dev.sluice.studio;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import reactor.netty.http.server.HttpServerRequest;

/**
 * What keeps other web pages out of a studio on loopback. Every request must name the studio's own
 * address in {@code Host} (so a DNS-rebinding page, whose requests carry its own host name, is
 * refused); a write must also carry the studio's random per-start token in {@value #TOKEN_HEADER},
 * which only the studio's own page knows (it is written into the page, which other origins cannot
 * read), and a JSON body, so a cross-site form cannot post one.
 */
final class Guard {
  /** The header a write carries the token in. */
  static final String TOKEN_HEADER = "X-Sluice-Studio-Token";

  private final String token;
  private final Set<String> hostNames;

  private Guard(String token, Set<String> hostNames) {
    this.token = token;
    this.hostNames = hostNames;
  }

  /** A guard with a fresh random token for a studio bound to {@code boundHost} (a loopback address). */
  static Guard fresh(String boundHost) {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String lower = boundHost.toLowerCase(Locale.ROOT);
    Set<String> names = new java.util.HashSet<>(Set.of("127.0.0.1", "localhost", "[::1]"));
    names.add(lower.contains(":") ? "[" + lower + "]" : lower);
    return new Guard(HexFormat.of().formatHex(random), Set.copyOf(names));
  }

  String token() { return token; }

  /** Refuses a request whose {@code Host} is not the studio's own address (403). */
  void checkHost(HttpServerRequest request) {
    String host = request.requestHeaders().get("Host");
    int port = request.connectionHostAddress() instanceof InetSocketAddress a ? a.getPort() : -1;
    String name = host == null ? "" : host.toLowerCase(Locale.ROOT);
    if (!name.endsWith(":" + port) || !hostNames.contains(name.substring(0, name.length() - (":" + port).length()))) {
      throw HttpError.forbidden("Host " + host + " is not this studio's address: open it as http://127.0.0.1:<port>/");
    }
  }

  /** Refuses a write without the token (403) or without a JSON body (415). */
  void checkWrite(HttpServerRequest request) {
    String given = request.requestHeaders().get(TOKEN_HEADER);
    if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      throw HttpError.forbidden("Missing or wrong " + TOKEN_HEADER + " header: writes come from the studio's own page");
    }
    String type = request.requestHeaders().get("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new HttpError(415, "A write's body is JSON: Content-Type application/json");
    }
  }
}
