package dev.sluice.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** A column's comment: kept by every modifier, whichever comes first, and never blank. */
class ColumnCommentTest {
  /** A table whose comments come before and after the other modifiers. */
  public static final class Commented extends Table<Row> {
    public final Column<Integer> id = serial("id").comment("The key").primaryKey();
    public final Column<String> email = varchar("email", 320).notNull().unique().comment("Where receipts go");
    public final Column<OffsetDateTime> created = timestamptz("created").comment("Set on insert").notNull()
        .defaultSql("now()").createdAt();
    public final Column<Integer> version = integer("version").comment("Optimistic lock").check("version > 0")
        .defaultValue(1).version();
    public final Column<String> plain = text("plain");

    public Commented() { super("commented"); }
  }

  /** A row of {@link Commented}. */
  public record Row(Integer id, String email, OffsetDateTime created, Integer version, String plain) {}

  @Test
  void everyModifierKeepsTheComment() {
    Commented t = new Commented();
    assertThat(t.id.comment()).isEqualTo("The key");
    assertThat(t.id.isPrimaryKey()).isTrue();
    assertThat(t.email.comment()).isEqualTo("Where receipts go");
    assertThat(t.email.isUnique()).isTrue();
    assertThat(t.created.comment()).isEqualTo("Set on insert");
    assertThat(t.created.role()).isEqualTo(ColumnRole.CREATED_AT);
    assertThat(t.version.comment()).isEqualTo("Optimistic lock");
    assertThat(t.version.role()).isEqualTo(ColumnRole.VERSION);
    assertThat(t.version.defaultValue()).isEqualTo(1);
    assertThat(t.plain.comment()).isNull();
    assertThat(t.meta().columns()).hasSize(5);
  }

  @Test
  void aBlankCommentIsRefusedNamingTheColumn() {
    Commented t = new Commented();
    assertThatThrownBy(() -> t.plain.comment("  ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The comment of column commented.plain is blank");
    assertThatThrownBy(() -> t.plain.comment(null)).isInstanceOf(NullPointerException.class);
  }
}
