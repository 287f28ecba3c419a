package dev.sluice.migrations.pull;

import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.EnumSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every Java name of one pulled schema, chosen once so that files agree: per table its class, row
 * record and constant in the holder class, per column its field (and record component), per enum
 * its Java enum and {@code EnumType} constant. Type names are unique in the package (ignoring case,
 * for case-insensitive file systems), constants in the holder, fields in their table.
 */
final class SchemaNaming {
  record TableNames(String type, String record, String constant, Map<String, String> fields, JavaNames.Scope scope) { }

  record EnumNames(String type, String constant, List<String> constants) { }

  private final String holder;
  private final Map<String, TableNames> tables = new HashMap<>();
  private final Map<String, EnumNames> enums = new HashMap<>();

  SchemaNaming(SchemaSnapshot schema, String holder) {
    this.holder = holder;
    JavaNames.Scope types = new JavaNames.Scope(holder);
    JavaNames.Scope constants = new JavaNames.Scope();
    for (EnumSnapshot e : schema.enums()) {
      JavaNames.Scope labels = new JavaNames.Scope("values", "valueOf", "label");
      enums.put(e.name(), new EnumNames(types.take(JavaNames.type(e.name())), constants.take(JavaNames.constant(e.name())),
          e.values().stream().map(v -> labels.take(JavaNames.constant(v))).toList()));
    }
    for (TableSnapshot t : schema.tables()) {
      String type = types.take(JavaNames.type(t.name()));
      String record = types.take(JavaNames.singular(type));
      // a table class inherits name(), columns() ...: fields live apart from methods, so only fields are reserved
      JavaNames.Scope fields = new JavaNames.Scope();
      Map<String, String> byColumn = new HashMap<>();
      for (ColumnSnapshot c : t.columns()) {
        byColumn.put(c.name(), fields.take(JavaNames.member(c.name())));
      }
      tables.put(t.name(), new TableNames(type, record, constants.take(JavaNames.constant(t.name())), byColumn, fields));
    }
  }

  String holder() { return holder; }

  TableNames table(String name) { return tables.get(name); }

  EnumNames enumType(String name) { return enums.get(name); }
}
