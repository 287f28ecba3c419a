package dev.sluice.internal;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * A {@link StubConnectionFactory} that can be made to refuse connections, as a stopped server does,
 * for the read-replica tests; {@link #statements()} counts what ran on it.
 */
final class FlakyFactory implements ConnectionFactory {
  final StubConnectionFactory stub = new StubConnectionFactory();
  final AtomicInteger attempts = new AtomicInteger();
  volatile boolean refusing;

  @Override public Publisher<? extends Connection> create() {
    return Mono.defer(() -> {
      attempts.incrementAndGet();
      return refusing ? Mono.error(new R2dbcNonTransientResourceException("Connection refused: stub"))
          : Mono.from(stub.create());
    });
  }

  @Override public ConnectionFactoryMetadata getMetadata() {
    return stub.getMetadata();
  }

  /** The statements run on this factory's connections, without the connection names. */
  java.util.List<String> statements() {
    return stub.log.stream().filter(l -> !l.endsWith(": close")).map(l -> l.substring(l.indexOf(": ") + 2)).toList();
  }
}
