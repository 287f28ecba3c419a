package dev.sluice.migrations.introspect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalog queries {@link SqlServerIntrospector} runs on SQL Server (2016+), in the current
 * user's default schema ({@code SCHEMA_ID()} / {@code SCHEMA_NAME()}). What only {@code sys.*}
 * tells (byte lengths, identity, default constraints, filtered indexes, the column pairs of a
 * foreign key) comes from there; the primary and unique keys and the checks from
 * {@code INFORMATION_SCHEMA}, which H2 can also run in {@code MODE=MSSQLServer}.
 */
final class SqlServerCatalog {
  private SqlServerCatalog() { }

  static final String COLUMNS = """
      SELECT t.name AS table_name, c.name AS column_name, ty.name AS type_name, c.max_length AS max_length,
        c.precision AS prec, c.scale AS scale, c.is_nullable AS is_nullable, c.is_identity AS is_identity,
        dc.definition AS default_definition, cc.definition AS computed_definition, cc.is_persisted AS is_persisted
      FROM sys.tables t
      JOIN sys.columns c ON c.object_id = t.object_id
      JOIN sys.types ty ON ty.user_type_id = c.user_type_id
      LEFT JOIN sys.default_constraints dc ON dc.object_id = c.default_object_id
      LEFT JOIN sys.computed_columns cc ON cc.object_id = c.object_id AND cc.column_id = c.column_id
      WHERE t.schema_id = SCHEMA_ID() AND t.is_ms_shipped = 0
      ORDER BY t.name, c.column_id""";

  static final String KEYS = """
      SELECT tc.TABLE_NAME AS table_name, tc.CONSTRAINT_NAME AS name, tc.CONSTRAINT_TYPE AS kind,
        k.COLUMN_NAME AS column_name, k.ORDINAL_POSITION AS ord
      FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
      JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
        AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME AND k.TABLE_NAME = tc.TABLE_NAME
      WHERE tc.TABLE_SCHEMA = SCHEMA_NAME() AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE')
      ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION""";

  static final String FOREIGN_KEYS = """
      SELECT t.name AS table_name, fk.name AS name, rt.name AS ref_table, pc.name AS column_name,
        rc.name AS ref_column, fk.delete_referential_action_desc AS on_delete,
        fk.update_referential_action_desc AS on_update, fkc.constraint_column_id AS ord
      FROM sys.foreign_keys fk
      JOIN sys.tables t ON t.object_id = fk.parent_object_id
      JOIN sys.tables rt ON rt.object_id = fk.referenced_object_id
      JOIN sys.foreign_key_columns fkc ON fkc.constraint_object_id = fk.object_id
      JOIN sys.columns pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id
      JOIN sys.columns rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id
      WHERE t.schema_id = SCHEMA_ID()
      ORDER BY t.name, fk.name, fkc.constraint_column_id""";

  static final String CHECKS = """
      SELECT tc.TABLE_NAME AS table_name, cc.CONSTRAINT_NAME AS name, cc.CHECK_CLAUSE AS clause
      FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
        ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME
      WHERE tc.TABLE_SCHEMA = SCHEMA_NAME() AND tc.CONSTRAINT_TYPE = 'CHECK'
      ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME""";

  static final String INDEXES = """
      SELECT t.name AS table_name, i.name AS name, i.is_unique AS is_unique, i.has_filter AS has_filter,
        i.filter_definition AS filter_definition, c.name AS column_name, ic.key_ordinal AS ord
      FROM sys.indexes i
      JOIN sys.tables t ON t.object_id = i.object_id
      JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
      JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
      WHERE t.schema_id = SCHEMA_ID() AND i.is_primary_key = 0 AND i.is_unique_constraint = 0
        AND i.is_hypothetical = 0 AND i.type IN (1, 2) AND ic.is_included_column = 0
      ORDER BY t.name, i.name, ic.key_ordinal""";

  /** Every query, by name, in run order. */
  /** Views and their columns, in order (a view is its name and columns, see {@code LiveViews}). */
  static final String VIEWS = """
      SELECT v.name AS name, 'v' AS kind, c.name AS column_name
      FROM sys.views v JOIN sys.columns c ON c.object_id = v.object_id
      WHERE v.schema_id = SCHEMA_ID() AND v.is_ms_shipped = 0
      ORDER BY v.name, c.column_id""";

  static Map<String, String> all() {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("columns", COLUMNS);
    q.put("keys", KEYS);
    q.put("foreign-keys", FOREIGN_KEYS);
    q.put("checks", CHECKS);
    q.put("indexes", INDEXES);
    q.put("views", VIEWS);
    return q;
  }
}
