package dev.sluice.examples.readme;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;

import dev.sluice.Database;
import dev.sluice.query.RelationAggregate;
import dev.sluice.testing.City;
import dev.sluice.testing.Country;
import dev.sluice.testing.Post;
import dev.sluice.testing.User;
import java.util.List;
import reactor.core.publisher.Flux;

/** The README's block on results shaped like the domain: nested records, aggregates (nested too), whereHas. */
final class RelationShapesSnippet {
  private RelationShapesSnippet() {}

  // tag::relation-shapes-records[]
  public record UserWithPosts(User user, List<Post> posts) {}        // the parent row itself, nested
  public record CityRow(City city, Country country) {}                // one record per joined table
  public record CountryName(String name) {}
  public record CityView(Integer id, CountryName country) {}          // { id, country: { name } }
  public record UserStats(String fullName, long postsCount, Integer postsMaxId, Long draftsCount) {}
  public record PostStats(String title, long commentsCount) {}
  public record UserWithPostStats(String fullName, List<PostStats> posts) {}  // counts one level down
  // end::relation-shapes-records[]

  static List<Flux<?>> shapes(Database db) {
    // tag::relation-shapes[]
    Flux<UserWithPosts> nested = db.selectFrom(USERS).with(USERS.posts).fetch(UserWithPosts.class);
    Flux<CityRow> joined = db.selectFrom(CITIES).leftJoin(COUNTRIES).on(eq(CITIES.countryId, COUNTRIES.id))
        .fetch(CityRow.class);                                     // country is null where nothing matches
    Flux<CityView> partial = db.selectFrom(CITIES).with(CITIES.country).fetch(CityView.class);
    // SELECT "id", "country_id" FROM "cities"
    // SELECT "name", "id" FROM "countries" WHERE "id" = ANY($1::INT[])          (one per window of cities)

    Flux<UserStats> stats = db.selectFrom(USERS)
        .withCount(USERS.posts).withMax(USERS.posts, POSTS.id)
        .withAggregate(RelationAggregate.count(USERS.posts.where(like(POSTS.title, "draft%"))).as("draftsCount"))
        .fetch(UserStats.class);
    // SELECT "author_id", COUNT(*), MAX("id") FROM "posts" WHERE "author_id" = ANY($1::INT[]) GROUP BY "author_id"

    Flux<UserWithPostStats> perPost = db.selectFrom(USERS).with(USERS.posts.withCount(POSTS.comments))
        .fetch(UserWithPostStats.class);
    // SELECT "post_id", COUNT(*) FROM "comments" WHERE "post_id" = ANY($1::INT[]) GROUP BY "post_id"

    Flux<User> drafting = db.selectFrom(USERS).whereHas(USERS.posts, like(POSTS.title, "draft%")).fetch();
    Flux<User> silent   = db.selectFrom(USERS).whereDoesntHave(USERS.posts).fetch();
    // PostgreSQL: SELECT "id", "full_name", "phone", "email", "created_at" FROM "users"
    //   WHERE NOT EXISTS (SELECT 1 FROM "posts" WHERE "posts"."author_id" = "users"."id")
    // end::relation-shapes[]
    return List.of(nested, joined, partial, stats, drafting, silent, perPost);
  }
}
