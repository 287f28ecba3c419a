package dev.sluice.query;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.sql.Aggregate;
import org.junit.jupiter.api.Test;

/** How relation aggregates are named and checked before anything runs. */
class RelationAggregateTest {
  private final Database db = Database.builder().dialect(new dev.sluice.spi.StandardDialect()).build();

  @Test
  void aggregatesAreNamedAfterTheRelationTheFunctionAndTheColumnField() {
    assertThat(RelationAggregate.count(USERS.posts).component()).isEqualTo("postsCount");
    assertThat(RelationAggregate.max(USERS.posts, POSTS.id).component()).isEqualTo("postsMaxId");
    assertThat(RelationAggregate.sum(USERS.posts, POSTS.authorId).component()).isEqualTo("postsSumAuthorId");
    assertThat(RelationAggregate.min(USERS.groups, CHAT_GROUPS.name).component()).isEqualTo("groupsMinName");
    assertThat(RelationAggregate.avg(USERS.posts, POSTS.id).value().function()).isEqualTo(Aggregate.Function.AVG);
    assertThat(RelationAggregate.count(USERS.posts.where(like(POSTS.title, "d%"))).as("drafts").component())
        .isEqualTo("drafts");
  }

  @Test
  void aComponentNameMustBeAJavaIdentifier() {
    assertThatThrownBy(() -> RelationAggregate.count(USERS.posts).as("posts count"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"posts count\"");
    assertThatThrownBy(() -> RelationAggregate.count(USERS.posts).as("1st"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Java identifier");
  }

  @Test
  void aColumnOfAnotherTableThanTheRelatedOneIsRefused() {
    assertThatThrownBy(() -> RelationAggregate.max(USERS.posts, COMMENTS.id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a column of posts, the table relation posts leads to");
  }

  @Test
  void twoAggregatesIntoOneComponentAreRefused() {
    assertThatThrownBy(() -> db.selectFrom(USERS).withCount(USERS.posts)
        .withAggregate(RelationAggregate.count(USERS.posts.where(like(POSTS.title, "d%")))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("postsCount").hasMessageContaining("as(...)");
  }

  @Test
  void hasIsACorrelatedExists() {
    assertThat(has(USERS.posts)).isInstanceOfSatisfying(dev.sluice.sql.Exists.class, e -> {
      assertThat(e.negated()).isFalse();
      assertThat(e.query().from()).isSameAs(POSTS);
    });
    assertThat(doesntHave(USERS.groups)).isInstanceOfSatisfying(dev.sluice.sql.Exists.class,
        e -> assertThat(e.negated()).isTrue());
  }
}
