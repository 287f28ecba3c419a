package dev.sluice.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.MappingException;
import dev.sluice.testing.Named;
import org.junit.jupiter.api.Test;

class NamingStrategyTest {
  @Test
  void snakeCaseSplitsWordsAcronymsAndKeepsDigits() {
    assertThat(NamingStrategy.snakeCase("authorName")).isEqualTo("author_name");
    assertThat(NamingStrategy.snakeCase("BlogPosts")).isEqualTo("blog_posts");
    assertThat(NamingStrategy.snakeCase("HTTPLog")).isEqualTo("http_log");
    assertThat(NamingStrategy.snakeCase("userID")).isEqualTo("user_id");
    assertThat(NamingStrategy.snakeCase("address2")).isEqualTo("address2");
    assertThat(NamingStrategy.snakeCase("line2Text")).isEqualTo("line2_text");
    assertThat(NamingStrategy.snakeCase("already_snake")).isEqualTo("already_snake");
    assertThat(NamingStrategy.snakeCase("x")).isEqualTo("x");
  }

  @Test
  void namesNotGivenComeFromClassAndFieldsAndGivenNamesWin() {
    Named.BlogPosts t = new Named.BlogPosts();
    assertThat(t.name()).isEqualTo("blog_posts");
    assertThat(t.columns()).extracting(Column::name)
        .containsExactly("id", "author_name", "published_on", "content");
    assertThat(t.authorName.hasGivenName()).isFalse();
    assertThat(t.body.hasGivenName()).isTrue();
    assertThat(t.byAuthor.name()).isEqualTo("blog_posts_author_name_index");
    assertThat(t.authorName.toString()).isEqualTo("blog_posts.author_name");
  }

  /** A table with its own strategy: names as declared. */
  public static final class AsDeclared extends Table<Named.BlogPost> {
    public final Column<Integer> id = serial().primaryKey();
    public final Column<String> authorName = text();
    public final Column<java.time.LocalDate> publishedOn = date("published");
    public final Column<String> body = text();

    public AsDeclared() { super(NamingStrategy.AS_DECLARED); }
  }

  @Test
  void aTableMayChooseAnotherStrategy() {
    AsDeclared t = new AsDeclared();
    assertThat(t.name()).isEqualTo("AsDeclared");
    assertThat(t.columns()).extracting(Column::name).containsExactly("id", "authorName", "published", "body");
  }

  /** Two fields whose derived names collide. */
  public static final class Colliding extends Table<dev.sluice.Row> {
    public final Column<String> userId = text();
    public final Column<String> user_id = text();

    public Colliding() { super(); }
  }

  @Test
  void derivedNamesThatCollideAreRefusedNamingTheColumn() {
    assertThatThrownBy(() -> new Colliding().columns()).isInstanceOf(MappingException.class)
        .hasMessage("Table colliding has two columns named user_id");
  }

  @Test
  void aNamelessColumnOutsideAPublicFieldIsRefused() {
    Table<dev.sluice.Row> t = new Table<>("t", dev.sluice.Row.class) {
      public final Column<Integer> id = integer("id");
      final Column<String> hidden = text();
    };
    assertThatThrownBy(() -> ((Column<?>) t.getClass().getDeclaredField("hidden").get(t)).name())
        .isInstanceOf(MappingException.class).hasMessageContaining("must be a public field");
  }
}
