package dev.sluice.internal;

import dev.sluice.error.QueryTimeoutException;
import dev.sluice.error.TransactionTimeoutException;
import dev.sluice.spi.Dialect;
import dev.sluice.spi.StatementCanceller;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bounds one statement by a {@code dev.sluice.QueryTimeout}: when it expires, the statement is
 * cancelled on the server through the dialect's {@link StatementCanceller}, then the caller's
 * subscription is cancelled (a pooled connection that delivered nothing is then discarded, see
 * {@link Discard}) and {@link QueryTimeoutException} signalled.
 */
final class StatementTimer {
  private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(2);

  private StatementTimer() {}

  /**
   * The statement {@code work} on {@code c}, after the dialect prepared the canceller of {@code c}
   * into {@code canceller} (for MySQL a round trip, which must come before the statement keeps the
   * connection busy); just {@code work} without a timeout.
   */
  static <T> Flux<T> armed(Duration timeout, Connection c, Dialect dialect, ConnectionFactory unpooled,
      AtomicReference<StatementCanceller> canceller, Supplier<? extends Publisher<T>> work) {
    if (timeout == null) {
      return Flux.from(work.get());
    }
    return dialect.canceller(c, unpooled).onErrorReturn(StatementCanceller.NONE)
        .flatMapMany(cancel -> {
          canceller.set(cancel);
          return work.get();
        });
  }

  /**
   * {@code statement}, bounded by {@code timeout} (null: unbounded); {@code canceller} holds the
   * canceller of the connection it runs on once {@link #armed} prepared it.
   */
  static <T> Flux<T> bound(Flux<T> statement, Duration timeout,
      AtomicReference<StatementCanceller> canceller, String sql) {
    if (timeout == null) {
      return statement;
    }
    return Flux.defer(() -> {
      AtomicBoolean expired = new AtomicBoolean();
      Mono<Boolean> expiry = Mono.delay(timeout)
          .then(Mono.defer(() -> {
            expired.set(true);
            StatementCanceller cancel = canceller.get();
            return cancel == null ? Mono.<Void>empty()
                : cancel.cancel().timeout(CANCEL_TIMEOUT).onErrorResume(e -> Mono.empty());
          }))
          .thenReturn(true);
      return statement.takeUntilOther(expiry)
          .onErrorMap(e -> expired.get() && !(e instanceof QueryTimeoutException), e -> {
            QueryTimeoutException t = new QueryTimeoutException(timeout, sql);
            t.addSuppressed(e);
            return t;
          })
          .concatWith(Mono.defer(() -> expired.get()
              ? Mono.error(new QueryTimeoutException(timeout, sql)) : Mono.empty()));
    });
  }

  /**
   * A transaction's body on {@code c}, failing with {@link TransactionTimeoutException} after
   * {@code timeout}. When it expires, the statement running on {@code c} is first cancelled on the
   * server, and only then is the body cancelled: the transaction's end no longer waits for a
   * statement that would run on for its whole length. The cancelled statement's own error, which
   * may arrive before the body is cancelled, becomes a suppressed exception of the timeout.
   */
  static <T> Flux<T> boundTransaction(Flux<T> body, Duration timeout, Connection c, Dialect dialect,
      ConnectionFactory unpooled) {
    return dialect.canceller(c, unpooled).onErrorReturn(StatementCanceller.NONE).flatMapMany(cancel ->
        Flux.defer(() -> {
          AtomicBoolean expired = new AtomicBoolean();
          Mono<Boolean> expiry = Mono.delay(timeout)
              .then(Mono.defer(() -> {
                expired.set(true);
                return cancel.cancel().timeout(CANCEL_TIMEOUT).onErrorResume(e -> Mono.empty());
              }))
              .thenReturn(true);
          return body.takeUntilOther(expiry)
              .onErrorMap(e -> expired.get() && !(e instanceof TransactionTimeoutException), e -> {
                TransactionTimeoutException t = new TransactionTimeoutException(timeout);
                t.addSuppressed(e);
                return t;
              })
              .concatWith(Mono.defer(() -> expired.get()
                  ? Mono.error(new TransactionTimeoutException(timeout)) : Mono.empty()));
        }));
  }
}
