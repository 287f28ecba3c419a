package dev.sluice.internal;

import static dev.sluice.testing.Schema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.MappingException;
import dev.sluice.schema.Relation;
import dev.sluice.testing.Post;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapesTest {
  public record UserWithPosts(Integer id, String fullName, List<Post> posts) {}

  public record UserName(Integer id, String fullName) {}

  public record Misnamed(Integer id, String nickname) {}

  @Test
  void aShapeIsMadeOncePerRecordTableRelationsAndHookSetting() {
    Shapes shapes = new Shapes();
    List<Relation<?, ?>> posts = new ArrayList<>(List.of(USERS.posts));
    Shape first = shapes.of(UserWithPosts.class, USERS, posts, List.of(), true);
    posts.clear();  // the key holds its own copy of the list
    Shape again = shapes.of(UserWithPosts.class, USERS, List.of(USERS.posts), List.of(), true);
    assertThat(again).as("the same load again").isSameAs(first);
    assertThat(again.selected).containsExactly(USERS.id, USERS.fullName);

    assertThat(shapes.of(UserWithPosts.class, USERS, List.of(USERS.posts), List.of(), false))
        .as("without hooks: a shape of its own").isNotSameAs(first);
    Shape name = shapes.of(UserName.class, USERS, List.of(), List.of(), true);
    assertThat(name).as("another record class").isNotSameAs(first);
    assertThat(name.type).isEqualTo(UserName.class);
  }

  @Test
  void aRecordThatDoesNotMapFailsOnEveryLoadAndIsNotKept() {
    Shapes shapes = new Shapes();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> shapes.of(Misnamed.class, USERS, List.of(), List.of(), true))
          .isInstanceOf(MappingException.class)
          .hasMessageContaining("Misnamed.nickname");
    }
  }
}
