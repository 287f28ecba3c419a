package dev.sluice.studio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.error.ConcurrencyFailureException;
import dev.sluice.error.ConstraintViolationException;
import dev.sluice.error.DataException;
import dev.sluice.error.ForeignKeyViolationException;
import dev.sluice.error.SluiceException;
import dev.sluice.error.UniqueViolationException;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The studio's HTTP routes: the page and its two files, and the JSON API. Every request passes the
 * {@link Guard}'s host check, writes its token check; errors become JSON with their status.
 */
final class Routes {
  private static final Logger LOG = LoggerFactory.getLogger(Routes.class);
  private static final int MAX_BODY = 1 << 20;

  private final Api api;
  private final Guard guard;
  private final PageFiles files;
  private final ObjectMapper json;

  Routes(Api api, Guard guard, PageFiles files, ObjectMapper json) {
    this.api = api;
    this.guard = guard;
    this.files = files;
    this.json = json;
  }

  void define(HttpServerRoutes routes) {
    routes.get("/", (req, res) -> guarded(req, res, () -> sendPage(res)))
        .get("/studio.js", (req, res) -> guarded(req, res, () -> sendFile(res, "text/javascript", files.script())))
        .get("/studio.css", (req, res) -> guarded(req, res, () -> sendFile(res, "text/css", files.style())))
        .get("/api/tables", (req, res) -> guarded(req, res, () -> sendJson(res, 200, Mono.just(api.tables()))))
        .get("/api/tables/{table}/rows", (req, res) -> guarded(req, res, () ->
            sendJson(res, 200, api.rows(table(req), new QueryStringDecoder(req.uri()).parameters()))))
        .put("/api/tables/{table}/rows", (req, res) -> guarded(req, res, () -> {
          if (!api.writable()) {
            throw HttpError.forbidden("The studio is read-only: start it with --write to edit rows");
          }
          guard.checkWrite(req);
          return sendJson(res, 200, body(req).flatMap(b -> api.edit(table(req), b)));
        }));
  }

  private Publisher<Void> guarded(HttpServerRequest req, HttpServerResponse res, Supplier<Publisher<Void>> handler) {
    try {
      guard.checkHost(req);
      return Mono.from(handler.get()).onErrorResume(e -> !res.hasSentHeaders(), e -> sendError(res, e));
    } catch (RuntimeException e) {
      return sendError(res, e);
    }
  }

  private Mono<Void> sendPage(HttpServerResponse res) {
    return secured(res).header("Content-Type", "text/html; charset=utf-8")
        .sendString(Mono.just(files.page(guard.token(), api.writable())), StandardCharsets.UTF_8).then();
  }

  private static Mono<Void> sendFile(HttpServerResponse res, String type, String text) {
    return secured(res).header("Content-Type", type + "; charset=utf-8").sendString(Mono.just(text), StandardCharsets.UTF_8).then();
  }

  private Mono<Void> sendJson(HttpServerResponse res, int status, Mono<ObjectNode> body) {
    return body.flatMap(b -> secured(res).status(status).header("Content-Type", "application/json; charset=utf-8")
        .sendString(Mono.just(write(b)), StandardCharsets.UTF_8).then());
  }

  private Mono<Void> sendError(HttpServerResponse res, Throwable e) {
    int status;
    String message = e.getMessage();
    ObjectNode body = json.createObjectNode();
    if (e instanceof HttpError h) {
      status = h.status();
      h.details().forEach((k, v) -> body.set(k, json.valueToTree(v)));
    } else if (e instanceof UniqueViolationException || e instanceof ForeignKeyViolationException
        || e instanceof ConcurrencyFailureException) {
      status = 409;
    } else if (e instanceof ConstraintViolationException || e instanceof DataException) {
      status = 400;
    } else if (e instanceof SluiceException) {
      status = 500;
      LOG.warn("studio: the database failed", e);
    } else {
      status = 500;
      message = "Internal error: " + e;
      LOG.error("studio: request failed", e);
    }
    body.put("error", message).put("status", status);
    return secured(res).status(status).header("Content-Type", "application/json; charset=utf-8")
        .sendString(Mono.just(write(body)), StandardCharsets.UTF_8).then();
  }

  /** Headers on every answer: no caching, no framing, no sniffing, scripts and styles from the studio only. */
  private static HttpServerResponse secured(HttpServerResponse res) {
    return res.header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
        .header("X-Frame-Options", "DENY").header("Referrer-Policy", "no-referrer")
        .header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  }

  private Mono<JsonNode> body(HttpServerRequest req) {
    String length = req.requestHeaders().get("Content-Length");
    if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > MAX_BODY) {
      return Mono.error(new HttpError(413, "The body is over " + MAX_BODY + " bytes"));
    }
    return req.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").map(text -> {
      if (text.length() > MAX_BODY) {
        throw new HttpError(413, "The body is over " + MAX_BODY + " bytes");
      }
      try {
        return json.readTree(text);
      } catch (JsonProcessingException e) {
        throw HttpError.badRequest("The body is not JSON: " + e.getOriginalMessage());
      }
    });
  }

  private static String table(HttpServerRequest req) {
    return QueryStringDecoder.decodeComponent(req.param("table"));
  }

  private String write(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON tree not writable", e);
    }
  }
}
