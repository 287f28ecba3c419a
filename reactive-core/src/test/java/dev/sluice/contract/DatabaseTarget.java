package dev.sluice.contract;

import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** A database the contract suite runs against: how to reach it and what it cannot do. */
public interface DatabaseTarget {
  /** A short name for messages. */
  String name();

  /** A fresh, unpooled connection factory. */
  ConnectionFactory connectionFactory();

  /** Fails (under {@code CI=true}) or visibly skips the suite when the database is unreachable. */
  void requireReachable();

  /** Checks a TCP service; unreachable fails under {@code CI=true}, else aborts (a visible skip). */
  static void requireTcp(String service, String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 2000);
    } catch (IOException e) {
      String why = service + " is not reachable at " + host + ":" + port + " (" + e.getMessage()
          + "); start it with scripts/services.sh";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(why + " — CI=true, so this is a failure, not a skip");
      }
      Assumptions.abort(why + " — skipped outside CI");
    }
  }
}
