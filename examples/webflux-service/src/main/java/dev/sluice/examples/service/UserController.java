package dev.sluice.examples.service;

import dev.sluice.examples.service.Tables.User;
import dev.sluice.examples.service.Tables.UserWithPosts;
import dev.sluice.query.Page;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The service's routes, on Sluice ({@link UserRepository}). */
@RestController
@RequestMapping("/users")
public class UserController {
  private final UserRepository users;
  private final StallTimeout stall;

  public UserController(UserRepository users, StallTimeout stall) {
    this.users = users;
    this.stall = stall;
  }

  /** 200 with the user, or 404. */
  @GetMapping("/{id}")
  Mono<ResponseEntity<User>> byId(@PathVariable long id) {
    return users.byId(id).map(ResponseEntity::ok).defaultIfEmpty(ResponseEntity.notFound().build());
  }

  /** A keyset page: {@code ?after=<last id>&size=20}. */
  @GetMapping
  Mono<Keyset<User>> after(@RequestParam(required = false) Long after, @RequestParam(defaultValue = "20") int size) {
    int n = Sizes.checked(size);
    return users.after(after, n).collectList().map(items -> Keyset.of(items, n, User::id));
  }

  /** An offset page with its total: {@code ?page=0&size=20}. */
  @GetMapping("/pages")
  Mono<Page<User>> page(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return users.page(Sizes.page(page), Sizes.checked(size));
  }

  /**
   * Every user (or the first {@code limit}), as NDJSON or as server-sent events, by the request's
   * Accept header. Rows are read as the client takes them: a slow client slows the query down, and
   * a client that goes away cancels it and frees its connection. A stream that delivers nothing for
   * the {@link StallTimeout} is cancelled too: the HTTP layer does not always see a client that
   * went away.
   */
  @GetMapping(path = "/stream", produces = {MediaType.APPLICATION_NDJSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE})
  Flux<User> stream(@RequestParam(required = false) Long limit) {
    return stall.applyTo(users.stream(limit));
  }

  /** A keyset page of users with their posts, without N+1. */
  @GetMapping("/with-posts")
  Mono<Keyset<UserWithPosts>> withPosts(@RequestParam(required = false) Long after,
      @RequestParam(defaultValue = "20") int size) {
    int n = Sizes.checked(size);
    return users.withPosts(after, n).collectList().map(items -> Keyset.of(items, n, UserWithPosts::id));
  }

  /** Creates a user with its first posts in one transaction: 201, 400 on invalid input, 409 on a duplicate. */
  @PostMapping
  Mono<ResponseEntity<User>> create(@RequestBody NewUser body) {
    NewUser user = body.validated();
    return users.create(user.toUser(), user.titles())
        .map(u -> ResponseEntity.created(URI.create("/users/" + u.id())).body(u));
  }

  /** Changes a user read at {@code version}: 200, 404, 400 on invalid input, 409 on a stale version or a duplicate. */
  @PutMapping("/{id}")
  Mono<ResponseEntity<User>> update(@PathVariable long id, @RequestBody UserChange body) {
    UserChange change = body.validated();
    return users.update(id, change.email(), change.name(), change.version())
        .map(ResponseEntity::ok).defaultIfEmpty(ResponseEntity.notFound().build());
  }

  /**
   * Imports users from an NDJSON body as it arrives, in multi-row inserts inside one transaction:
   * an invalid or duplicate line anywhere leaves nothing written.
   */
  @PostMapping(path = "/import", consumes = MediaType.APPLICATION_NDJSON_VALUE)
  Mono<Imported> importAll(@RequestBody Flux<NewUser> lines) {
    return users.importAll(lines.map(line -> line.validated().toUser())).map(Imported::new);
  }

  /** The answer of an import: how many users were inserted. */
  public record Imported(long imported) {}
}
