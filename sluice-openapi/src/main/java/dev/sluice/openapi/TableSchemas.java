package dev.sluice.openapi;

import dev.sluice.schema.Column;
import dev.sluice.schema.ColumnRole;
import dev.sluice.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The object schema of a table's rows: one property per column, in declaration order, named as the
 * column's Java property (the row record's component); its type from {@link ColumnSchemas}, with
 * {@code "null"} added unless the column is {@code NOT NULL} (those are {@code required});
 * {@code readOnly} for what the database or Sluice fills (serial keys, {@code createdAt()},
 * {@code updatedAt()}); {@code default} for a {@code defaultValue(v)}; {@code description} from
 * {@code comment("...")}.
 *
 * <pre>{@code
 * public final Column<Integer> id    = serial("id").primaryKey();
 * public final Column<String>  email = varchar("email", 320).comment("Where receipts go");
 * // "id":    {"type": "integer", "format": "int32", "readOnly": true}               (required)
 * // "email": {"type": ["string", "null"], "maxLength": 320, "description": "Where receipts go"}
 * }</pre>
 */
final class TableSchemas {
  private final ColumnSchemas columns;

  TableSchemas(TypeSchemas types, EnumSchemas enums, EnumValues enumValues, JsonValues values) {
    this.columns = new ColumnSchemas(types, enums, enumValues, values);
  }

  Map<String, Object> describe(Table<?> table) {
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (Column<?> c : table.columns()) {
      String property = c.propertyName();
      Map<String, Object> s = columns.describe(c.dataType(), "column " + table.name() + "." + c.name());
      if (c.isNotNull()) {
        required.add(property);
      } else {
        s = Schemas.nullable(s);
      }
      if (readOnly(c)) {
        s.put("readOnly", Boolean.TRUE);
      }
      if (c.defaultValue() != null) {
        Object d = columns.defaultOf(c.defaultValue(), c.dataType());
        if (d != null) {
          s.put("default", d);
        }
      }
      if (c.comment() != null) {
        s.put("description", c.comment());
      }
      properties.put(property, s);
    }
    return RecordSchemas.object(table.rowType(), properties, required);
  }

  private static boolean readOnly(Column<?> c) {
    return c.dataType().kind().isGenerated() || c.role() == ColumnRole.CREATED_AT || c.role() == ColumnRole.UPDATED_AT;
  }
}
