package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Named.BLOG_POSTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.Table;
import dev.sluice.testing.Named.BlogPost;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Names derived by the naming strategy on a live database: the table {@code blog_posts} and its
 * columns {@code author_name}, {@code published_on} are created, written and read under those
 * names, and the explicitly named {@code content} keeps its name.
 */
public abstract class NamingContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  @Override protected Table<?>[] extraTables() { return new Table<?>[] {BLOG_POSTS}; }

  @Test
  void derivedNamesAreTheOnesTheDatabaseHolds() {
    BlogPost p = db.insertInto(BLOG_POSTS)
        .values(new BlogPost(null, "Ann", LocalDate.of(2026, 1, 2), "hello")).returning().block(T);
    assertThat(p.id()).isNotNull();
    assertThat(db.selectFrom(BLOG_POSTS).where(eq(BLOG_POSTS.authorName, "Ann")).fetchOne().block(T)).isEqualTo(p);
    db.update(BLOG_POSTS).set(BLOG_POSTS.publishedOn, LocalDate.of(2026, 2, 3)).where(eq(BLOG_POSTS.id, p.id()))
        .execute().block(T);
    // the names as the database knows them, written by hand
    String row = db.sql("SELECT author_name, published_on, content FROM blog_posts").fetch()
        .map(r -> r.get(0, String.class) + "|" + r.get(1, Object.class) + "|" + r.get(2, String.class))
        .single().block(T);
    assertThat(row).isEqualTo("Ann|2026-02-03|hello");
  }
}
