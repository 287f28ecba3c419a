package dev.sluice.examples.service;

import dev.sluice.examples.service.Tables.User;
import dev.sluice.examples.service.Tables.UserWithPosts;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The reads of {@link UserController} on Spring's DatabaseClient, answering the same JSON. */
@RestController
@RequestMapping("/dc/users")
public class DcUserController {
  private final DcUserRepository users;
  private final StallTimeout stall;

  public DcUserController(DcUserRepository users, StallTimeout stall) {
    this.users = users;
    this.stall = stall;
  }

  @GetMapping("/{id}")
  Mono<ResponseEntity<User>> byId(@PathVariable long id) {
    return users.byId(id).map(ResponseEntity::ok).defaultIfEmpty(ResponseEntity.notFound().build());
  }

  @GetMapping
  Mono<Keyset<User>> after(@RequestParam(required = false) Long after, @RequestParam(defaultValue = "20") int size) {
    int n = Sizes.checked(size);
    return users.after(after, n).collectList().map(items -> Keyset.of(items, n, User::id));
  }

  @GetMapping(path = "/stream", produces = {MediaType.APPLICATION_NDJSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE})
  Flux<User> stream(@RequestParam(required = false) Long limit) {
    return stall.applyTo(users.stream(limit));
  }

  @GetMapping("/with-posts")
  Mono<Keyset<UserWithPosts>> withPosts(@RequestParam(required = false) Long after,
      @RequestParam(defaultValue = "20") int size) {
    int n = Sizes.checked(size);
    return users.withPosts(after, n).collectList().map(items -> Keyset.of(items, n, UserWithPosts::id));
  }
}
