package dev.sluice.migrations.push;

import dev.sluice.migrations.snapshot.CheckSnapshot;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.EnumSnapshot;
import dev.sluice.migrations.snapshot.ForeignKeySnapshot;
import dev.sluice.migrations.snapshot.IndexSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.migrations.snapshot.UniqueSnapshot;
import dev.sluice.migrations.snapshot.ViewSnapshot;
import dev.sluice.schema.SqlKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live schema as the diff's starting point for {@code push}: every table, column, key, check
 * and index that the database holds as the code declares it (only spelled its own way, see
 * {@link Spelling}) is replaced by the code's own snapshot of it, so the diff sees no change there;
 * everything else stays as introspected and becomes a change. A check is compared by name only
 * (databases reprint the expression), a partial index by whether it is partial. Enum labels are
 * compared where the database keeps them (PostgreSQL types, MySQL/MariaDB column types, SQLite's and
 * H2's stand-in checks). On SQLite and H2 an enum column whose labels differ from the code's is
 * taken as the code's column with the labels the database holds, so that the diff sees label
 * changes of the code's enum (added, renamed, removed) rather than a new column type.
 *
 * <p>A generated column is compared by being generated, not by its expression, which the database
 * prints its own way (PostgreSQL adds parentheses and casts, MySQL qualifies names). A view is the
 * code's when the database has a view of that name, kind and columns (a view the code does not
 * declare is left out, so push leaves it alone): its text is never compared
 * (see {@code ViewSnapshot}), so a query changed without changing its columns is pushed by
 * {@code generate}/{@code migrate}, which compare definition hashes, not by {@code push}.
 */
final class LiveBaseline {
  private final Spelling spelling;

  LiveBaseline(String dialect) {
    this.spelling = new Spelling(dialect);
  }

  SchemaSnapshot of(SchemaSnapshot live, SchemaSnapshot code) {
    List<TableSnapshot> tables = new ArrayList<>();
    Map<String, EnumSnapshot> held = new LinkedHashMap<>();
    for (TableSnapshot t : live.tables()) {
      tables.add(code.table(t.name()).map(c -> table(live, t, code, c, held)).orElse(t));
    }
    // a view the code does not declare is left alone (made by hand, or by another tool): not in the baseline
    List<ViewSnapshot> views = new ArrayList<>();
    for (ViewSnapshot v : live.views()) {
      code.view(v.name()).ifPresent(c -> views.add(
          c.materialized() == v.materialized() && c.columns().equals(v.columns()) ? c : v));
    }
    return SchemaSnapshot.of(enums(live, code, tables, held), tables, views);
  }

  private TableSnapshot table(SchemaSnapshot liveSchema, TableSnapshot live, SchemaSnapshot codeSchema, TableSnapshot code,
      Map<String, EnumSnapshot> held) {
    List<ColumnSnapshot> columns = new ArrayList<>();
    for (ColumnSnapshot c : live.columns()) {
      Optional<ColumnSnapshot> declared = code.column(c.name()).filter(d -> spelling.sameColumn(live.name(), c, d));
      if (declared.isPresent() && !sameLabels(liveSchema, live, c, codeSchema, declared.get()) && spelling.labelsFollowCode()
          && c.type().kind() == SqlKind.ENUM) {
        // the code's enum column, with the labels the database holds: the diff sees label changes
        String name = declared.get().type().name();
        liveSchema.enumType(c.type().name()).ifPresent(e -> held.putIfAbsent(name, new EnumSnapshot(name, e.values())));
        columns.add(declared.get());
        continue;
      }
      columns.add(declared.filter(d -> sameLabels(liveSchema, live, c, codeSchema, d)).orElse(c));
    }
    List<ForeignKeySnapshot> fks = replace(live.foreignKeys(), code.foreignKeys(), ForeignKeySnapshot::name,
        spelling::sameForeignKey);
    List<CheckSnapshot> checks = replace(live.checks(), code.checks(), CheckSnapshot::name, (l, c) -> true);
    List<IndexSnapshot> indexes = replace(live.indexes(), code.indexes(), IndexSnapshot::name,
        (l, c) -> l.columns().equals(c.columns()) && l.unique() == c.unique() && (l.where() == null) == (c.where() == null));
    List<UniqueSnapshot> uniques = new ArrayList<>();
    for (UniqueSnapshot u : live.uniques()) {
      Optional<IndexSnapshot> asIndex = code.indexes().stream()
          .filter(i -> spelling.mysql() && i.unique() && i.where() == null && i.name().equals(u.name()) && i.columns().equals(u.columns()))
          .findFirst();
      if (asIndex.isPresent()) {
        indexes.add(asIndex.get()); // MySQL/MariaDB: a unique index is reported as a unique constraint
      } else {
        uniques.add(u);
      }
    }
    return new TableSnapshot(live.name(), columns, live.primaryKey(), fks, replace(uniques, code.uniques(),
        UniqueSnapshot::name, (l, c) -> l.columns().equals(c.columns())), indexes, checks);
  }

  private boolean sameLabels(SchemaSnapshot liveSchema, TableSnapshot table, ColumnSnapshot live,
      SchemaSnapshot codeSchema, ColumnSnapshot code) {
    if (code.type().kind() != SqlKind.ENUM) {
      return true;
    }
    Optional<EnumSnapshot> declared = codeSchema.enumType(code.type().name());
    Optional<EnumSnapshot> held = spelling.perColumnEnums() ? liveSchema.enumType(table.name() + "_" + live.name())
        : spelling.namedEnums() ? liveSchema.enumType(live.type().name()) : declared;
    return held.map(EnumSnapshot::values).equals(declared.map(EnumSnapshot::values));
  }

  /**
   * The enum types of the baseline: where the database has named types, the live ones; elsewhere
   * those the baseline's enum columns name (the code's for the columns taken from code).
   */
  private List<EnumSnapshot> enums(SchemaSnapshot live, SchemaSnapshot code, List<TableSnapshot> tables,
      Map<String, EnumSnapshot> held) {
    if (spelling.namedEnums()) {
      return live.enums();
    }
    Map<String, EnumSnapshot> used = new LinkedHashMap<>();
    for (TableSnapshot t : tables) {
      for (ColumnSnapshot c : t.columns()) {
        if (c.type().kind() == SqlKind.ENUM) {
          String name = c.type().name();
          Optional.ofNullable(held.get(name)).or(() -> code.enumType(name)).or(() -> live.enumType(name))
              .ifPresent(e -> used.putIfAbsent(name, e));
        }
      }
    }
    return List.copyOf(used.values());
  }

  private static <T> List<T> replace(List<T> live, List<T> code, java.util.function.Function<T, String> name,
      java.util.function.BiPredicate<T, T> same) {
    List<T> out = new ArrayList<>();
    for (T l : live) {
      T match = null;
      for (T c : code) {
        if (name.apply(c).equals(name.apply(l)) && same.test(l, c)) {
          match = c;
        }
      }
      out.add(match != null ? match : l);
    }
    return out;
  }
}
