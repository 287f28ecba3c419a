package dev.sluice.examples.readme;

import static dev.sluice.query.Dsl.*;

import dev.sluice.Database;
import dev.sluice.schema.Column;
import dev.sluice.schema.Hook;
import dev.sluice.schema.Table;
import dev.sluice.validation.BeanValidation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import reactor.core.publisher.Mono;

/** The README's hooks, validation and naming blocks. */
final class HooksSnippet {
  private HooksSnippet() {}

  // tag::hooks-record[]
  public record Post(Integer id, @NotBlank @Size(max = 120) String title, String slug,
                     @NotBlank String authorName, Boolean locked) {
    Post withSlug(String s) { return new Post(id, title, s, authorName, locked); }
    Post withTitle(String t) { return new Post(id, t, slug, authorName, locked); }
  }
  // end::hooks-record[]

  // tag::hooks-table[]
  public static final class Posts extends Table<Post> {                  // table "posts"
    public final Column<Integer> id = serial().primaryKey();             // "id"
    public final Column<String> title = varchar(120).notNull();          // "title"
    public final Column<String> slug = varchar(120);                     // "slug"
    public final Column<String> authorName = text("author");             // a given name wins
    public final Column<Boolean> locked = bool().notNull().defaultValue(false);

    public final Hook<Post> slugify = beforeInsert(p ->
        Mono.just(p.withSlug(p.title().toLowerCase().replace(' ', '-'))));
    public final Hook<Post> onlyUnlocked = beforeUpdate(u -> Mono.just(u.and(eq(this.locked, false))));
    public final Hook<Post> keepLocked = beforeDelete(d -> Mono.just(d.and(eq(this.locked, false))));
    public final Hook<Post> stripped = afterFetch(p -> Mono.just(p.withTitle(p.title().strip())));

    public Posts() { super(); }
  }
  // end::hooks-table[]

  static final Posts POSTS = new Posts();

  static Database validating(String url) {
    // tag::hooks-validator[]
    Database db = Database.builder().url(url).validator(BeanValidation.create()).build();
    // end::hooks-validator[]
    return db;
  }

  static List<Object> behaviour(Database db) {
    // tag::hooks-behaviour[]
    Mono<Post> post  = db.insertInto(POSTS).values(new Post(null, "Hello World", null, "ann", false))
                         .returning();                                      // slug "hello-world"
    Mono<Long> all   = db.update(POSTS).set(POSTS.title, "x").all().execute(); // ... WHERE "locked" = ?
    Mono<Long> raw   = db.update(POSTS).set(POSTS.title, "y").all().withoutHooks().execute();
    Mono<Long> bad   = db.insertInto(POSTS).values(new Post(null, " ", null, "", false))
                         .execute();                  // ValidationException (2 violations), nothing sent
    Mono<Post> asIs  = db.selectFrom(POSTS).withoutHooks().fetchFirst();    // no afterFetch
    // end::hooks-behaviour[]
    return List.of(post, all, raw, bad, asIs);
  }
}
