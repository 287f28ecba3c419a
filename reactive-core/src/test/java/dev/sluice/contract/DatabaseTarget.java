package dev.sluice.contract;

import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** A database the contract suite runs against: how to reach it and what it cannot do. */
public interface DatabaseTarget {
  /** A short name for messages. */
  String name();

  /** A fresh, unpooled connection factory. */
  ConnectionFactory connectionFactory();

  /**
   * A fresh factory that pools its own connections, at most {@code size} of them (r2dbc-vertx's
   * {@code ?poolSize=n}), when the suite is to run on the driver's own pool as its users run it:
   * Sluice built with {@code pooled(false)} on it, no r2dbc-pool around it ({@link PoolUnderTest}).
   * Empty (the default): the suite puts an r2dbc-pool around {@link #connectionFactory()}.
   */
  default Optional<ConnectionFactory> ownPool(int size) { return Optional.empty(); }

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
