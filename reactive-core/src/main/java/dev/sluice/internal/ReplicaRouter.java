package dev.sluice.internal;

import dev.sluice.error.DatabaseClosedException;
import dev.sluice.error.IllegalUseException;
import dev.sluice.spi.Dialect;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Sends reads to read replicas, outside transactions ({@link Connections} asks it only there).
 *
 * <ul>
 *   <li>A {@link Route#REPLICA_READ} goes to the replica the picker chooses among those in the
 *       rotation; every other route, and a read in the read-your-writes window of its Context
 *       ({@link RecentWrites}), goes to the primary.
 *   <li>A replica that fails to connect, or whose connection drops before the read's first row,
 *       is taken out for its back-off period ({@link Backoff}) and the read runs again on another
 *       replica, then on the primary. A read that failed after delivering rows is not run again
 *       (its subscriber would see those rows twice): the error reaches the subscriber. Other errors
 *       (a wrong statement, a timeout) are not retried either.
 *   <li>After its back-off, the next read that comes starts a health check (a connection from the
 *       replica's pool, validated with a round trip) in the background; the replica is back when it
 *       passes, out for a doubled period when it fails.
 * </ul>
 *
 * Every change is told to the {@link ReplicaListener}.
 */
public final class ReplicaRouter {
  static final String PRIMARY = "primary";
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReplicaRouter.class);
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(10);

  /**
   * A replica as the builder hands it over: its name, its (pooled) factory, the factory it was given
   * (fresh connections to the same server, for a statement canceller's {@code KILL QUERY}), and
   * whether Sluice made the pool.
   */
  public record Target(String name, ConnectionFactory factory, ConnectionFactory given, boolean owned) {}

  /** The key under which a replica read's Context names the replica's unpooled factory. */
  private static final Object UNPOOLED = new Object();

  private final List<ReplicaNode> nodes;
  private final Function<List<String>, String> picker;
  private final Backoff backoff;
  private final long window;
  private final ReplicaListener listener;
  private final Dialect dialect;
  private final LongSupplier clock;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Rotation rotation;
  private final RoutingCounts counts;

  /**
   * @param picker         chooses one of the names it is given (the replicas in the rotation)
   * @param readYourWrites the window after a write in which reads of its Context go to the primary (zero: none)
   */
  public ReplicaRouter(List<Target> replicas, Function<List<String>, String> picker, Duration initialBackoff,
      Duration maxBackoff, Duration readYourWrites, ReplicaListener listener, Dialect dialect) {
    this(replicas, picker, new Backoff(initialBackoff, maxBackoff), readYourWrites, listener, dialect, System::nanoTime);
  }

  ReplicaRouter(List<Target> replicas, Function<List<String>, String> picker, Backoff backoff,
      Duration readYourWrites, ReplicaListener listener, Dialect dialect, LongSupplier clock) {
    List<ReplicaNode> n = new ArrayList<>(replicas.size());
    replicas.forEach(t -> n.add(new ReplicaNode(t.name(), t.factory(), t.given(), t.owned())));
    this.nodes = List.copyOf(n);
    this.rotation = Rotation.of(nodes);
    this.counts = new RoutingCounts(nodes);
    this.picker = picker;
    this.backoff = backoff;
    this.window = readYourWrites.toNanos();
    this.listener = listener;
    this.dialect = dialect;
    this.clock = clock;
  }

  /**
   * Runs {@code fn} where {@code route} says: on a replica (with failover), or through
   * {@code primary}, which runs it on a connection of the primary's pool.
   */
  <T> Flux<T> route(ContextView ctx, Route route, Function<Connection, Publisher<T>> fn, Supplier<Flux<T>> primary) {
    if (route != Route.REPLICA_READ) {
      return primary.get();
    }
    if (inWindow(ctx)) {
      counts.toPrimary();
      return primary.get();
    }
    Rotation candidates = inRotation();
    if (candidates.nodes().isEmpty()) {
      counts.toPrimary();
      return primary.get();
    }
    return Flux.defer(() -> attempt(pick(candidates), candidates.nodes(), fn, primary));
  }

  /**
   * The factory of fresh connections to the server a statement runs on: the replica's when
   * {@code on} (the statement's Context) is a replica read's, else {@code primary}. A statement
   * canceller that opens a connection of its own ({@code KILL QUERY}) must reach the same server.
   */
  static ConnectionFactory unpooledOf(ContextView on, ConnectionFactory primary) {
    return on.getOrDefault(UNPOOLED, primary);
  }

  /** {@code ran}, noting a {@link Route#WRITE}'s start and end in its Context's {@link RecentWrites}. */
  <T> Flux<T> noted(ContextView ctx, Route route, Flux<T> ran) {
    RecentWrites writes = route == Route.WRITE && window > 0 ? RecentWrites.in(ctx) : null;
    if (writes == null) {
      return ran;
    }
    return ran.doOnSubscribe(s -> writes.touch(clock.getAsLong())).doFinally(s -> writes.touch(clock.getAsLong()));
  }

  /** A transaction's work, its end noted as a write in its Context's {@link RecentWrites}. */
  <T> Flux<T> notedTransaction(Flux<T> transaction) {
    if (window <= 0) {
      return transaction;
    }
    return Flux.deferContextual(ctx -> {
      RecentWrites writes = RecentWrites.in(ctx);
      return writes == null ? transaction : transaction.doFinally(s -> writes.touch(clock.getAsLong()));
    });
  }

  /** Where reads went so far. */
  public dev.sluice.observe.ReadRouting counts() {
    return counts;
  }

  /** Stops health checks and closes the pools Sluice made for the replicas. */
  public Mono<Void> close() {
    closed.set(true);
    List<Mono<Void>> pools = new ArrayList<>();
    for (ReplicaNode n : nodes) {
      if (n.owned() && n.factory() instanceof io.r2dbc.pool.ConnectionPool pool) {
        pools.add(pool.disposeLater());
      }
    }
    return Mono.when(pools);
  }

  private boolean inWindow(ContextView ctx) {
    if (window <= 0) {
      return false;
    }
    RecentWrites writes = RecentWrites.in(ctx);
    return writes != null && writes.within(clock.getAsLong(), window);
  }

  /**
   * The replicas in the rotation; starts a health check of each one whose back-off is over. The
   * list is kept while no replica comes or goes, so a read while all are well allocates none.
   */
  private Rotation inRotation() {
    int up = 0;
    for (ReplicaNode n : nodes) {
      if (n.up()) {
        up++;
      } else if (!closed.get() && n.claimCheck(clock.getAsLong())) {
        check(n);
      }
    }
    Rotation kept = rotation;
    if (kept.nodes().size() == up && kept.allUp()) {
      return kept;
    }
    Rotation now = Rotation.of(nodes.stream().filter(ReplicaNode::up).toList());
    rotation = now;
    return now;
  }

  /** Replicas a read may go to, and their names for the picker. */
  private record Rotation(List<ReplicaNode> nodes, List<String> names) {
    static Rotation of(List<ReplicaNode> nodes) {
      return new Rotation(List.copyOf(nodes), nodes.stream().map(ReplicaNode::name).toList());
    }

    boolean allUp() {
      for (ReplicaNode n : nodes) {
        if (!n.up()) {
          return false;
        }
      }
      return true;
    }
  }

  private <T> Flux<T> attempt(ReplicaNode node, List<ReplicaNode> candidates, Function<Connection, Publisher<T>> fn,
      Supplier<Flux<T>> primary) {
    node.reads().increment();
    AtomicBoolean connected = new AtomicBoolean();
    AtomicBoolean delivered = new AtomicBoolean();
    Mono<Connection> acquire = Mono.defer(() -> Mono.<Connection>from(node.factory().create()))
        .onErrorMap(reactor.pool.PoolShutdownException.class,
            e -> new DatabaseClosedException("This Database was closed: the pool of replica " + node.name()
                + " is shut down", e))
        .doOnNext(c -> connected.set(true));
    return OwnConnection.run(acquire, fn)
        .contextWrite(ctx -> ctx.put(UNPOOLED, node.given()))
        .doOnNext(x -> delivered.set(true))
        .doOnError(e -> {
          if (delivered.get() && unreachable(e, true)) {
            takeOut(node, e);  // dropped mid-stream: out of the rotation, but this read is not run again
          }
        })
        .onErrorResume(e -> !delivered.get() && unreachable(e, connected.get()), e -> {
          takeOut(node, e);
          List<ReplicaNode> rest = new ArrayList<>(candidates.size());
          for (ReplicaNode c : candidates) {
            if (c != node && c.up()) {
              rest.add(c);
            }
          }
          ReplicaNode next = rest.isEmpty() ? null : pick(Rotation.of(rest));
          tell(ReplicaSignal.RETRIED, node.name(), e, null, next == null ? PRIMARY : next.name());
          if (next == null) {
            counts.toPrimary();
            return primary.get();
          }
          return attempt(next, rest, fn, primary);
        });
  }

  /**
   * Whether {@code e} says the replica cannot be reached: any failure to get a connection (refused,
   * not accepting connections yet, a pool timeout) but a closed Database, or a lost connection.
   */
  private boolean unreachable(Throwable e, boolean connected) {
    if (e instanceof DatabaseClosedException) {
      return false;
    }
    return !connected || dialect.isConnectionLost(e);
  }

  private void takeOut(ReplicaNode node, Throwable cause) {
    Duration period = node.takeOut(clock.getAsLong(), backoff);
    if (period != null) {
      tell(ReplicaSignal.DOWN, node.name(), cause, period, null);
    }
  }

  private ReplicaNode pick(Rotation candidates) {
    String chosen = picker.apply(candidates.names());
    for (ReplicaNode c : candidates.nodes()) {
      if (c.name().equals(chosen)) {
        return c;
      }
    }
    throw new IllegalUseException("The ReplicaPicker chose " + (chosen == null ? "null" : "\"" + chosen + "\"")
        + ", which is not one of the replicas it was offered: " + candidates.names());
  }

  private void check(ReplicaNode node) {
    Mono.usingWhen(Mono.defer(() -> Mono.<Connection>from(node.factory().create())),
            c -> Mono.from(c.validate(ValidationDepth.REMOTE)), c -> Connections.quietClose(c, null))
        .timeout(CHECK_TIMEOUT)
        .defaultIfEmpty(false)
        .subscribe(valid -> {
          if (valid) {
            node.checkPassed();
            tell(ReplicaSignal.UP, node.name(), null, null, null);
          } else {
            failed(node, new IllegalStateException("the connection did not pass validation"));
          }
        }, e -> failed(node, e));
  }

  private void failed(ReplicaNode node, Throwable e) {
    tell(ReplicaSignal.DOWN, node.name(), e, node.checkFailed(clock.getAsLong(), backoff), null);
  }

  private void tell(ReplicaSignal signal, String replica, Throwable cause, Duration period, String retriedOn) {
    try {
      listener.on(signal, replica, cause, period, retriedOn);
    } catch (RuntimeException e) {
      LOG.warn("The replica event listener failed on {} of {}", signal, replica, e);
    }
  }
}
