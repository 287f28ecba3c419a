package dev.sluice.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.MappingException;
import dev.sluice.testing.City;
import dev.sluice.testing.Popularity;
import dev.sluice.testing.Schema;
import org.junit.jupiter.api.Test;

class RecordMappingTest {
  public record Wrong(Integer id, String nom) {}

  public record WrongType(String id, String name) {}

  public record Partial(Integer id) {}

  public static final class WrongTable extends Table<Wrong> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> name = text("name");

    public WrongTable() { super("wrong"); }
  }

  public static final class WrongTypeTable extends Table<WrongType> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> name = text("name");

    public WrongTypeTable() { super("wrong_type"); }
  }

  public static final class DuplicateNames extends Table<Partial> {
    public final Column<Integer> id = serial("id");
    public final Column<Integer> other = integer("id");

    public DuplicateNames() { super("dup"); }
  }

  @Test
  void readsColumnsInDeclarationOrderWithPropertyNames() {
    assertThat(Schema.CITIES.columns()).extracting(Column::name)
        .containsExactly("id", "name", "country_id", "popularity");
    assertThat(Schema.CITIES.countryId.propertyName()).isEqualTo("countryId");
    assertThat(Schema.CITIES.meta().primaryKey()).containsExactly(Schema.CITIES.id);
    assertThat(Schema.MEMBERSHIPS.meta().primaryKey())
        .containsExactly(Schema.MEMBERSHIPS.userId, Schema.MEMBERSHIPS.groupId);
    assertThat(Schema.COUNTRIES.meta().indexes()).singleElement()
        .satisfies(i -> assertThat(i.name()).isEqualTo("countries_name_index"))
        .satisfies(i -> assertThat(i.unique()).isTrue());
  }

  @Test
  void mapsRecordsBothWays() {
    RecordMapping<City> m = Schema.CITIES.meta().rowMapping();
    City c = m.newInstance(new Object[] {1, "Lima", 2, Popularity.KNOWN});
    assertThat(c).isEqualTo(new City(1, "Lima", 2, Popularity.KNOWN));
    assertThat(m.get(c, 3)).isEqualTo(Popularity.KNOWN);
  }

  @Test
  void aComponentWithoutAColumnFailsOnFirstUseNamingComponentAndTable() {
    assertThatThrownBy(() -> new WrongTable().columns())
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("Wrong.nom")
        .hasMessageContaining("table wrong");
  }

  @Test
  void aComponentOfTheWrongTypeFailsNamingBoth() {
    assertThatThrownBy(() -> new WrongTypeTable().columns())
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("WrongType.id has type String")
        .hasMessageContaining("wrong_type.id holds Integer");
  }

  @Test
  void twoColumnsWithOneSqlNameAreRejected() {
    assertThatThrownBy(() -> new DuplicateNames().columns())
        .isInstanceOf(MappingException.class).hasMessageContaining("two columns named id");
  }

  @Test
  void enumLabelsConvertBothWaysAndUnknownLabelsFail() {
    EnumType<Popularity> e = Schema.POPULARITY;
    assertThat(e.labels()).containsExactly("unknown", "known", "popular");
    assertThat(e.toDb(Popularity.POPULAR)).isEqualTo("popular");
    assertThat(e.fromDb("known")).isEqualTo(Popularity.KNOWN);
    assertThatThrownBy(() -> e.fromDb("famous")).isInstanceOf(MappingException.class)
        .hasMessageContaining("'famous'").hasMessageContaining("popularity");
  }

  @Test
  void modifiersReturnNewColumnsThatKeepTheirPlace() {
    Column<Integer> id = Schema.CITIES.id;
    assertThat(id.isPrimaryKey()).isTrue();
    assertThat(id.isNotNull()).isTrue();
    assertThat(Schema.CITIES.countryId.referencedColumn()).isSameAs(Schema.COUNTRIES.id);
    assertThat(Schema.USERS.createdAt.hasDatabaseDefault()).isTrue();
    assertThat(Schema.USERS.email.isUnique()).isTrue();
  }

  @Test
  void badSizesAndNamesAreRejected() {
    assertThatThrownBy(() -> new Table<Partial>("t") {
      public final Column<String> s = varchar("s", 0);
    }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    assertThatThrownBy(() -> new Table<Partial>(" ") {
    }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
  }
}
