package dev.sluice.internal;

import static dev.sluice.testing.Schema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.MappingException;
import dev.sluice.schema.Relation;
import dev.sluice.testing.Post;
import dev.sluice.testing.User;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeTest {
  public record UserWithPosts(Integer id, String fullName, List<Post> posts) {}

  record Hidden(Integer id, String fullName) {}

  private static final List<Relation<?, ?>> POSTS = List.of(USERS.posts);

  @Test
  void buildsTheRecordFromColumnValuesAndRelations() {
    Shape shape = Shape.of(UserWithPosts.class, USERS, POSTS);
    assertThat(shape.selected).as("only the columns the record reads, and the relation's key")
        .containsExactly(USERS.id, USERS.fullName);
    Object[] columns = {7, "Ann"};
    List<Post> posts = List.of(new Post(1, 7, "hello"));
    assertThat(shape.build(columns, new Object[] {null, null, posts}))
        .isEqualTo(new UserWithPosts(7, "Ann", posts));
  }

  public record Stats(User user, Long postsCount) {}

  @Test
  void buildsTheWholeRowAsANestedRecordBesideAnAggregate() {
    RelationTotal count = new RelationTotal("postsCount", USERS.posts,
        (dev.sluice.sql.Aggregate<Long>) dev.sluice.query.Dsl.count());
    Shape shape = Shape.of(Stats.class, USERS, List.of(), List.of(count));
    assertThat(shape.selected).containsExactlyElementsOf(USERS.columns());
    OffsetDateTime at = OffsetDateTime.parse("2024-01-01T00:00Z");
    Object[] columns = {7, "Ann", null, "ann@example.com", at};
    assertThat(shape.build(columns, new Object[] {null, 3L}))
        .isEqualTo(new Stats(new User(7, "Ann", null, "ann@example.com", at), 3L));
    assertThat(count.empty()).as("a parent without related rows counts 0").isEqualTo(0L);
  }

  @Test
  void theConstructorHandleIsMadeOncePerRecordClassNotPerQuery() {
    // Every query builds its shapes afresh; a handle made afresh each time would be customized and
    // compiled again on every query.
    Shape first = Shape.of(UserWithPosts.class, USERS, POSTS);
    Shape second = Shape.of(UserWithPosts.class, USERS, POSTS);
    assertThat(second).isNotSameAs(first);
    assertThat(second.constructor()).isSameAs(first.constructor());
    assertThat(second.slots.get(2).child().constructor())
        .isSameAs(first.slots.get(2).child().constructor());
  }

  @Test
  void aRecordWithoutAPublicConstructorIsAMappingErrorEveryTime() {
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> Shape.of(Hidden.class, USERS, List.of()))
          .isInstanceOf(MappingException.class)
          .hasMessageContaining("needs a public canonical constructor");
    }
  }
}
