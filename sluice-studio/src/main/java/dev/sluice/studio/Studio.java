package dev.sluice.studio;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.Database;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServer;

/**
 * A browser studio for a database: a small local page, served by Reactor Netty on a loopback
 * address only, listing the given tables, their rows with paging, sorting and a filter per column,
 * and (only when made {@link #writable(boolean) writable}) editing a row in a transaction that
 * refuses to overwrite a concurrent change. Immutable: each {@code with} step returns a new studio.
 *
 * <pre>{@code
 * try (StudioServer s = Studio.of(db, List.of(StudioTable.of(USERS))).port(0).start().block()) {
 *   System.out.println("Studio at " + s.url());         // http://127.0.0.1:53127/
 *   s.onClose().block();
 * }
 * // GET /api/tables/users/rows?page=0&size=50&sort=name&dir=desc&f.name=ann
 * // PostgreSQL: SELECT "id", "name" FROM "users" WHERE "name" LIKE $1 ESCAPE '!'
 * //             ORDER BY "name" DESC, "id" ASC LIMIT $2 OFFSET $3       -- $1 = '%ann%'
 * }</pre>
 */
public final class Studio {
  /** The address a studio listens on unless told otherwise. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** The port the CLI's studio listens on unless told otherwise. */
  public static final int DEFAULT_PORT = 7878;

  private final Database db;
  private final List<StudioTable> tables;
  private final boolean writable;
  private final String host;
  private final int port;
  private final PageFiles files;

  private Studio(Database db, List<StudioTable> tables, boolean writable, String host, int port, PageFiles files) {
    this.db = db;
    this.files = files;
    this.tables = tables;
    this.writable = writable;
    this.host = host;
    this.port = port;
  }

  /** A read-only studio of {@code tables} on {@code db}, on 127.0.0.1 port {@value #DEFAULT_PORT}. */
  public static Studio of(Database db, List<StudioTable> tables) {
    Objects.requireNonNull(db, "db");
    return new Studio(db, List.copyOf(tables), false, DEFAULT_HOST, DEFAULT_PORT, PageFiles.load());
  }

  /** Whether rows may be edited; false (the default) refuses every write with 403 and hides the page's edit controls. */
  public Studio writable(boolean canWrite) {
    return new Studio(db, tables, canWrite, host, port, files);
  }

  /**
   * The address to listen on, which must be a loopback address ({@code 127.0.0.1}, {@code ::1},
   * {@code localhost}): the studio has no login, so it never listens where another machine reaches it.
   *
   * @throws IllegalArgumentException for any other address
   */
  public Studio host(String address) {
    Objects.requireNonNull(address, "address");
    try {
      if (!InetAddress.getByName(address).isLoopbackAddress()) {
        throw new IllegalArgumentException("The studio listens on loopback only (127.0.0.1 or ::1), it has no login: "
            + address + " is not a loopback address");
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("Unknown host " + address + ": the studio listens on 127.0.0.1 or ::1", e);
    }
    return new Studio(db, tables, writable, address, port, files);
  }

  /** The port to listen on, 0 for one the system picks (see {@link StudioServer#port()}). */
  public Studio port(int number) {
    if (number < 0 || number > 65535) {
      throw new IllegalArgumentException("Port " + number + " is not from 0 to 65535");
    }
    return new Studio(db, tables, writable, host, number, files);
  }

  /** Starts listening; emits the running server, or fails (e.g. the port is taken). Nothing happens before subscription. */
  public Mono<StudioServer> start() {
    return Mono.defer(() -> {
      ObjectMapper json = new ObjectMapper();
      Guard guard = Guard.fresh(host);
      Routes routes = new Routes(new Api(db, tables, writable, json), guard, files, json);
      return HttpServer.create().host(host).port(port).route(routes::define).bind()
          .map(server -> new StudioServer(server, host, writable, guard.token()));
    });
  }
}
