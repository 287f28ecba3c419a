package dev.sluice.examples.netty;

import static dev.sluice.examples.netty.Items.ITEMS;
import static dev.sluice.query.Dsl.eq;

import dev.sluice.Database;
import dev.sluice.error.UniqueViolationException;
import dev.sluice.examples.netty.Items.Item;
import dev.sluice.examples.netty.Items.NewItem;
import dev.sluice.query.SelectFrom;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The routes, each a few lines of Sluice:
 *
 * <pre>
 * GET  /items/{id}              200 with the item, 404, 400 for an id that is not a number
 * GET  /items?after=&amp;size=      a keyset page (a JSON array)
 * GET  /items/stream            every item as NDJSON, read from the database as the client takes it
 * POST /items {"name": ".."}    201 with the item, 400 for a missing or long name, 409 for a taken one
 * </pre>
 */
final class ItemRoutes implements Consumer<HttpServerRoutes> {
  private static final int MAX_NAME = 100;
  private static final int MAX_PAGE = 500;
  private final Database db;

  ItemRoutes(Database db) {
    this.db = db;
  }

  @Override
  public void accept(HttpServerRoutes routes) {
    routes.get("/items/stream", this::stream)
        .get("/items/{id}", (req, res) -> answer(res, Mono.defer(() -> byId(req))))
        .get("/items", (req, res) -> answer(res, Mono.defer(() -> page(req))))
        .post("/items", (req, res) -> answer(res, create(req)));
  }

  private Mono<Reply> byId(HttpServerRequest req) {
    long id = number("id", req.param("id"));
    return db.selectFrom(ITEMS).where(eq(ITEMS.id, id)).fetchOne()
        .map(item -> Reply.ok(Json.write(item)))
        .defaultIfEmpty(Reply.problem(404, "Not found", "no item " + id));
  }

  private Mono<Reply> page(HttpServerRequest req) {
    QueryStringDecoder q = new QueryStringDecoder(req.uri());
    String after = first(q, "after");
    String sizeParam = first(q, "size");
    long size = sizeParam == null ? 20 : number("size", sizeParam);
    if (size < 1 || size > MAX_PAGE) {
      throw new BadRequest("size", "must be between 1 and " + MAX_PAGE + ", was " + size);
    }
    SelectFrom<Item> ordered = db.selectFrom(ITEMS).orderBy(ITEMS.id);
    SelectFrom<Item> from = after == null ? ordered : ordered.seek(ITEMS.id, number("after", after));
    return from.limit(size).fetch().collectList().map(items -> Reply.ok(Json.write(items)));
  }

  /**
   * NDJSON with backpressure: Reactor Netty requests more rows only as the socket accepts what it
   * has, so a slow client slows the query down; a client that goes away cancels it, and the
   * connection goes back to the pool.
   */
  private Publisher<Void> stream(HttpServerRequest req, HttpServerResponse res) {
    return res.header(HttpHeaderNames.CONTENT_TYPE, "application/x-ndjson")
        .sendString(db.selectFrom(ITEMS).orderBy(ITEMS.id).fetch().map(item -> Json.write(item) + "\n"));
  }

  private Mono<Reply> create(HttpServerRequest req) {
    return req.receive().aggregate().asString().defaultIfEmpty("")
        .map(body -> validated(Json.read(body, NewItem.class)))
        .flatMap(item -> db.insertInto(ITEMS).values(new Item(null, item.name(), null)).returning())
        .map(item -> new Reply(201, Json.write(item)))
        .onErrorResume(UniqueViolationException.class,
            e -> Mono.just(Reply.problem(409, "Duplicate key", "the name is taken (" + e.constraint() + ")")));
  }

  private static NewItem validated(NewItem item) {
    if (item == null || item.name() == null || item.name().isBlank()) {
      throw new BadRequest("name", "is required");
    }
    if (item.name().length() > MAX_NAME) {
      throw new BadRequest("name", "is longer than " + MAX_NAME + " characters");
    }
    return item;
  }

  /** Sends the reply; a {@link BadRequest} anywhere before becomes 400. */
  private static Mono<Void> answer(HttpServerResponse res, Mono<Reply> reply) {
    return reply.onErrorResume(BadRequest.class, e -> Mono.just(Reply.problem(400, "Bad request", e.getMessage())))
        .flatMap(r -> r.send(res));
  }

  private static long number(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new BadRequest(name, "is not a number: " + value);
    }
  }

  private static String first(QueryStringDecoder q, String name) {
    List<String> values = q.parameters().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
