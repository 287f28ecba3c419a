package dev.sluice.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.MappingException;
import dev.sluice.testing.Stamped;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Declaring the columns Sluice fills: only on timestamps, once per table, read once into the metadata. */
class ColumnRoleTest {
  /** Two creation times. */
  public static final class TwoCreated extends Table<Twice> {
    public final Column<OffsetDateTime> a = timestamptz("a").createdAt();
    public final Column<OffsetDateTime> b = timestamptz("b").createdAt();

    public TwoCreated() { super("two_created"); }
  }

  /** A row of {@link TwoCreated}. */
  public record Twice(OffsetDateTime a, OffsetDateTime b) {}

  /** A text column declared a creation time. */
  public static final class TextCreated extends Table<Twice> {
    public final Column<String> a = text("a").createdAt();

    public TextCreated() { super("text_created"); }
  }

  @Test
  void theMetadataNamesTheColumnsOnce() {
    TableMeta<?> meta = Stamped.NOTES.meta();
    assertThat(meta.createdAt()).isEqualTo(Stamped.NOTES.createdAt);
    assertThat(meta.updatedAt()).isEqualTo(Stamped.NOTES.updatedAt);
    assertThat(meta.hasTimestamps()).isTrue();
    assertThat(Stamped.NOTES.createdAt.role()).isEqualTo(ColumnRole.CREATED_AT);
    assertThat(Stamped.NOTES.code.role()).isEqualTo(ColumnRole.NONE);
    assertThat(dev.sluice.testing.Schema.USERS.meta().hasTimestamps()).as("created_at with a SQL default only")
        .isFalse();
  }

  @Test
  void modifiersKeepTheRole() {
    Column<OffsetDateTime> c = Stamped.NOTES.createdAt.notNull().unique();
    assertThat(c.role()).isEqualTo(ColumnRole.CREATED_AT);
  }

  @Test
  void aSecondCreationTimeIsRefused() {
    assertThatThrownBy(() -> new TwoCreated().meta()).isInstanceOf(MappingException.class)
        .hasMessage("Table two_created declares two CREATED_AT columns: a and b");
  }

  @Test
  void aCreationTimeOnTextIsRefused() {
    assertThatThrownBy(TextCreated::new).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("createdAt() needs a timestamp or timestamptz column, but text_created.a holds String");
  }

  /** A text column declared a version. */
  public static final class TextVersion extends Table<Twice> {
    public final Column<String> a = text("a").version();

    public TextVersion() { super("text_version"); }
  }

  @Test
  void aVersionOnTextIsRefused() {
    assertThatThrownBy(TextVersion::new).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version() needs an integer or bigint column, but text_version.a holds String");
    assertThat(dev.sluice.testing.Versioned.ACCOUNTS.meta().version())
        .isEqualTo(dev.sluice.testing.Versioned.ACCOUNTS.version);
    assertThat(dev.sluice.testing.Versioned.ACCOUNTS.meta().managesWrites()).isTrue();
  }
}
