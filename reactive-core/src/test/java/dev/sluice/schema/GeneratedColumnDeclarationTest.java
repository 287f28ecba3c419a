package dev.sluice.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.IllegalUseException;
import dev.sluice.query.Functions;
import dev.sluice.query.Values;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * Declaring generated columns and tables in a schema: what a generated column may not also be, the
 * refusal of a partial insert that sets one (no database needed: it fails while being built), and
 * the schema a table keeps.
 */
class GeneratedColumnDeclarationTest {
  public record Row(Integer id, String a, String b, String ab) {}

  /** {@code ab} is {@code a || b}. */
  public static final class Rows extends Table<Row> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> a = text("a");
    public final Column<String> b = text("b");
    public final Column<String> ab = text("ab").generatedAlways(Functions.concat(a, b));

    public Rows() { super(SqlSchema.named("audit"), "rows"); }
  }

  /** A generated creation time. */
  public static final class GeneratedStamp extends Table<Stamp> {
    public final Column<OffsetDateTime> at = timestamptz("at").generatedAlways("now()").createdAt();

    public GeneratedStamp() { super("generated_stamp"); }
  }

  public record Stamp(OffsetDateTime at) {}

  @Test
  void aGeneratedColumnKnowsItsExpressionAndItsTableItsSchema() {
    Rows rows = new Rows();
    assertThat(rows.ab.isGeneratedAlways()).isTrue();
    assertThat(rows.ab.generatedAs().stored()).isTrue();
    assertThat(rows.ab.generatedAs().sql()).isNull();
    assertThat(rows.ab.generatedAs().expr()).isNotNull();
    assertThat(rows.ab.hasDatabaseDefault()).isTrue();
    assertThat(rows.a.isGeneratedAlways()).isFalse();
    assertThat(rows.schema()).isEqualTo("audit");
    assertThat(rows.name()).isEqualTo("rows");
    assertThat(new GeneratedStampFree().schema()).isNull();
  }

  @Test
  void aGeneratedColumnCannotAlsoBeAKeyHaveADefaultOrBeWrittenBySluice() {
    assertThatThrownBy(GeneratedStamp::new).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("createdAt()").hasMessageContaining("generated_stamp.at");
    Rows rows = new Rows();
    assertThatThrownBy(() -> rows.a.generatedAlways(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
    assertThatThrownBy(() -> rows.id.generatedAlways("1")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("primary key");
    assertThatThrownBy(() -> rows.ab.defaultSql("'x'")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rows.ab");
  }

  @Test
  void settingItInAPartialRowIsRefusedWhileTheRowIsBuilt() {
    Rows rows = new Rows();
    assertThatThrownBy(() -> Values.of(rows).set(rows.a, "x").set(rows.ab, "xy"))
        .isInstanceOf(IllegalUseException.class).hasMessageContaining("rows.ab");
  }

  /** A table in the default schema. */
  public static final class GeneratedStampFree extends Table<Stamp> {
    public final Column<OffsetDateTime> at = timestamptz("at");

    public GeneratedStampFree() { super("free_stamp"); }
  }
}
