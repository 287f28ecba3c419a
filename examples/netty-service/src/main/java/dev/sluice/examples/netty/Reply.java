package dev.sluice.examples.netty;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/** A whole JSON response: a status and its body, sent once the handler has decided. */
record Reply(int status, String json) {

  static Reply ok(String json) {
    return new Reply(200, json);
  }

  /** An RFC 9457 problem: {@code {"status":..,"title":..,"detail":..}}. */
  static Reply problem(int status, String title, String detail) {
    return new Reply(status, Json.problem(status, title, detail));
  }

  Mono<Void> send(HttpServerResponse response) {
    return response.status(HttpResponseStatus.valueOf(status))
        .header(HttpHeaderNames.CONTENT_TYPE, status < 400 ? "application/json" : "application/problem+json")
        .sendString(Mono.just(json))
        .then();
  }
}
