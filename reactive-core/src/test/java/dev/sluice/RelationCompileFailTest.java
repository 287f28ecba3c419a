package dev.sluice;

import static dev.sluice.CompileFailTest.assertOnly;
import static dev.sluice.CompileFailTest.compile;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The typed parts of relation filters and aggregates ({@code whereHas}, {@code withCount},
 * {@code withSum}, {@link dev.sluice.query.RelationAggregate}): a relation of another table, or a
 * sum over a column that holds no number, does not compile. Each case asserts javac's one
 * diagnostic, as in {@link CompileFailTest}.
 */
class RelationCompileFailTest {
  @Test
  void theControlSnippetCompiles() {
    assertThat(compile("""
        db.selectFrom(USERS).whereHas(USERS.posts, like(POSTS.title, "a%")).whereDoesntHave(USERS.groups)
            .withCount(USERS.posts).withMax(USERS.posts, POSTS.id).withSum(USERS.posts, POSTS.id)
            .withAggregate(dev.sluice.query.RelationAggregate.count(USERS.posts).as("n")).fetch(User.class);
        db.selectFrom(USERS).with(USERS.posts).withCount(USERS.groups).whereHas(USERS.posts).fetch(User.class);
        db.selectFrom(POSTS).where(or(has(POSTS.author), doesntHave(POSTS.comments))).fetch();
        db.selectFrom(USERS).with(USERS.posts.withCount(POSTS.comments)
            .withAggregate(dev.sluice.query.RelationAggregate.max(POSTS.comments, COMMENTS.id))).fetch(User.class);
        db.selectFrom(CITIES).join(COUNTRIES).on(eq(CITIES.countryId, COUNTRIES.id)).fetch(CityName.class);
        """)).isEmpty();
  }

  @Test
  void whereHasOnARelationOfAnotherTableDoesNotCompile() {
    assertOnly(compile("db.selectFrom(CITIES).whereHas(USERS.posts);"),
        "compiler.err.prob.found.req", "incompatible types: dev.sluice.schema.Relation<dev.sluice.testing.User,"
            + "dev.sluice.testing.Post> cannot be converted to dev.sluice.schema.Relation<dev.sluice.testing.City,?>");
    assertOnly(compile("db.selectFrom(USERS).with(USERS.posts).whereDoesntHave(POSTS.comments, isNull(COMMENTS.id));"),
        "compiler.err.prob.found.req", "incompatible types: dev.sluice.schema.Relation<dev.sluice.testing.Post,"
            + "dev.sluice.testing.Comment> cannot be converted to dev.sluice.schema.Relation<dev.sluice.testing.User,?>");
  }

  @Test
  void countingARelationOfAnotherTableDoesNotCompile() {
    assertOnly(compile("db.selectFrom(CITIES).withCount(USERS.posts);"),
        "compiler.err.cant.apply.symbol", "method withCount in class dev.sluice.query.SelectFrom<R>",
        "dev.sluice.schema.Relation<dev.sluice.testing.User,dev.sluice.testing.Post>");
    assertOnly(compile("db.selectFrom(USERS).with(USERS.posts).withCount(POSTS.comments);"),
        "compiler.err.cant.apply.symbol", "method withCount in class dev.sluice.query.SelectWith<R>");
    assertOnly(compile("db.selectFrom(CITIES).withAggregate(dev.sluice.query.RelationAggregate.count(USERS.posts));"),
        "compiler.err.cant.apply.symbol", "method withAggregate in class dev.sluice.query.SelectFrom<R>");
  }

  @Test
  void aNestedAggregateOverARelationOfAnotherTableDoesNotCompile() {
    assertOnly(compile("db.selectFrom(USERS).with(USERS.posts.withCount(USERS.groups));"),
        "compiler.err.cant.apply.symbol", "method withCount in class dev.sluice.schema.Relation<P,C>",
        "dev.sluice.schema.Relation<dev.sluice.testing.User,dev.sluice.testing.ChatGroup>");
    assertOnly(compile("db.selectFrom(USERS).with(USERS.posts.withAggregate("
            + "dev.sluice.query.RelationAggregate.count(USERS.groups)));"),
        "compiler.err.cant.apply.symbol", "method withAggregate in class dev.sluice.schema.Relation<P,C>");
  }

  @Test
  void summingOrAveragingATextColumnDoesNotCompile() {
    assertOnly(compile("db.selectFrom(USERS).withSum(USERS.posts, POSTS.title);"),
        "compiler.err.prob.found.req", "incompatible types: dev.sluice.schema.Column<java.lang.String> cannot be"
            + " converted to dev.sluice.schema.Column<? extends java.lang.Number>");
    assertOnly(compile("db.selectFrom(USERS).with(USERS.posts).withAvg(USERS.posts, POSTS.title);"),
        "compiler.err.prob.found.req", "dev.sluice.schema.Column<java.lang.String> cannot be"
            + " converted to dev.sluice.schema.Column<? extends java.lang.Number>");
  }
}
