package dev.sluice.examples.readme;

import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.contract.CountingConnectionFactory;
import dev.sluice.dialect.postgres.PostgresDialect;
import dev.sluice.examples.readme.RelationShapesSnippet.CityRow;
import dev.sluice.examples.readme.RelationShapesSnippet.CityView;
import dev.sluice.examples.readme.RelationShapesSnippet.PostStats;
import dev.sluice.examples.readme.RelationShapesSnippet.UserWithPostStats;
import dev.sluice.examples.readme.RelationShapesSnippet.UserStats;
import dev.sluice.examples.readme.RelationShapesSnippet.UserWithPosts;
import dev.sluice.internal.RelationQueries;
import dev.sluice.testing.City;
import dev.sluice.testing.Country;
import dev.sluice.testing.Post;
import dev.sluice.testing.User;
import io.r2dbc.spi.ConnectionFactories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/**
 * The README's block on results shaped like the domain ({@link RelationShapesSnippet}) run on an
 * embedded SQLite file, and the SQL its comments show checked against what runs (SQLite) and what
 * PostgreSQL renders.
 */
class RelationShapesSnippetIT {
  private static final Duration T = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void theBlockReadsNestedRecordsAggregatesAndFiltersByRelatedRows() {
    List<String> sql = Collections.synchronizedList(new ArrayList<>());
    Database db = Database.builder().connectionFactory(CountingConnectionFactory.wrap(ConnectionFactories.get(
            "r2dbc:sqlite:////" + dir.toAbsolutePath().toString().substring(1) + "/shapes.db"), new AtomicInteger(), sql))
        .build();
    try {
      db.createTables(COUNTRIES, CITIES, USERS, POSTS, COMMENTS).block(T);
      Country peru = db.insertInto(COUNTRIES).values(new Country(null, "Peru")).returning().block(T);
      db.insertInto(CITIES).values(List.of(new City(null, "Lima", peru.id(), null), new City(null, "Atlantis", null, null)))
          .execute().block(T);
      List<User> us = db.insertInto(USERS).values(List.of(new User(null, "Dan", null, null, null),
          new User(null, "Ann", null, null, null))).returning().collectList().block(T);
      List<Post> ps = db.insertInto(POSTS).values(List.of(new Post(null, us.get(0).id(), "one"),
          new Post(null, us.get(0).id(), "draft two"))).returning().collectList().block(T);
      db.insertInto(COMMENTS).values(List.of(new dev.sluice.testing.Comment(null, ps.get(1).id(), "a"),
          new dev.sluice.testing.Comment(null, ps.get(1).id(), "b"))).execute().block(T);
      List<Flux<?>> f = RelationShapesSnippet.shapes(db);

      assertThat(all(f.get(0))).containsExactlyInAnyOrder(new UserWithPosts(us.get(0), ps),
          new UserWithPosts(us.get(1), List.of()));
      assertThat(all(f.get(1))).containsExactly(
          new CityRow(new City(1, "Lima", peru.id(), null), peru), new CityRow(new City(2, "Atlantis", null, null), null));
      sql.clear();
      assertThat(all(f.get(2))).containsExactly(
          new CityView(1, new RelationShapesSnippet.CountryName("Peru")), new CityView(2, null));
      assertThat(sql.get(0)).isEqualTo("SELECT \"id\", \"country_id\" FROM \"cities\"");
      assertThat(all(f.get(3))).as("unordered: SQLite may read the users through the full_name index")
          .containsExactlyInAnyOrder(
          new UserStats("Dan", 2, ps.get(1).id(), 1L), new UserStats("Ann", 0, null, 0L));
      assertThat(f.get(4).map(u -> ((User) u).fullName()).collectList().block(T)).containsExactly("Dan");
      assertThat(f.get(5).map(u -> ((User) u).fullName()).collectList().block(T)).containsExactly("Ann");
      sql.clear();
      assertThat(all(f.get(6))).containsExactlyInAnyOrder(
          new UserWithPostStats("Dan", List.of(new PostStats("one", 0), new PostStats("draft two", 2))),
          new UserWithPostStats("Ann", List.of()));
      assertThat(sql).as("users, posts, the posts' comment counts: " + sql).hasSize(3);
    } finally {
      db.close().block(T);
    }
    String region = ReadmeSnippetsTest.regions(RepositoryFiles.root()).get("relation-shapes");
    PostgresDialect pg = new PostgresDialect();
    assertThat(region).contains("// SELECT \"id\", \"country_id\" FROM \"cities\"\n")
        .contains("// " + pg.render(RelationQueries.related(CITIES.country, List.of(COUNTRIES.name), List.of(1))).sql() + " ")
        .contains("// " + pg.render(RelationQueries.totals(USERS.posts,
            List.of(dev.sluice.query.Dsl.count().expr(), dev.sluice.query.Dsl.max(POSTS.id).expr()), List.of(1))).sql() + "\n")
        .contains("// " + pg.render(RelationQueries.totals(POSTS.comments,
            List.of(dev.sluice.query.Dsl.count().expr()), List.of(1))).sql() + "\n");
    String silent = Database.builder().dialect(pg).build().selectFrom(USERS).whereDoesntHave(USERS.posts)
        .toSql(pg).sql();
    String comment = region.lines().map(String::strip).dropWhile(l -> !l.startsWith("// PostgreSQL:"))
        .takeWhile(l -> l.startsWith("//")).map(l -> l.replaceFirst("^//( PostgreSQL:)?\\s*", ""))
        .collect(java.util.stream.Collectors.joining(" "));
    assertThat(comment).isEqualTo(silent);
  }

  private static List<Object> all(Flux<?> rows) {
    return rows.map(r -> (Object) r).collectList().block(T);
  }
}
