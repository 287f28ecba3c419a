package dev.sluice.migrations.introspect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalog queries {@link CockroachIntrospector} runs on CockroachDB (23.1+), in the current
 * schema. They are PostgreSQL's catalogs where CockroachDB fills them in the same way; where it
 * does not, they go another way: hidden columns (the {@code rowid} of a table without a primary
 * key) are left out by {@code information_schema.columns.is_hidden}; keys come from {@code
 * information_schema} (CockroachDB's {@code pg_constraint.conindid} does not name a unique
 * constraint's index, so an index backing a constraint is recognised by its name).
 */
final class CockroachCatalog {
  private CockroachCatalog() { }

  static final String ENUMS = """
      SELECT t.typname AS name, e.enumlabel AS label FROM pg_type t
      JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() ORDER BY t.typname, e.enumsortorder""";

  static final String COLUMNS = """
      SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.character_maximum_length AS len,
        c.numeric_precision AS prec, c.numeric_scale AS scale, c.is_nullable, c.column_default, c.is_identity,
        c.is_generated, c.generation_expression
      FROM information_schema.columns c JOIN information_schema.tables t
        ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema() AND c.is_hidden = 'NO'
      ORDER BY c.table_name, c.ordinal_position""";

  static final String KEYS = """
      SELECT tc.table_name, tc.constraint_name AS name, tc.constraint_type AS kind, k.column_name,
        k.ordinal_position AS ord, k.position_in_unique_constraint AS ref_pos,
        r.unique_constraint_name AS ref_constraint, r.delete_rule AS on_delete, r.update_rule AS on_update
      FROM information_schema.table_constraints tc
      JOIN information_schema.key_column_usage k ON k.constraint_schema = tc.constraint_schema
        AND k.table_name = tc.table_name AND k.constraint_name = tc.constraint_name
      LEFT JOIN information_schema.referential_constraints r ON r.constraint_schema = tc.constraint_schema
        AND r.constraint_name = tc.constraint_name
      WHERE tc.table_schema = current_schema() AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
      ORDER BY tc.table_name, tc.constraint_name, k.ordinal_position""";

  static final String REF_COLUMNS = """
      SELECT tc.constraint_name AS name, tc.table_name, k.column_name, k.ordinal_position AS ord
      FROM information_schema.table_constraints tc
      JOIN information_schema.key_column_usage k ON k.constraint_schema = tc.constraint_schema
        AND k.table_name = tc.table_name AND k.constraint_name = tc.constraint_name
      WHERE tc.table_schema = current_schema() AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE')
      ORDER BY tc.table_name, tc.constraint_name, k.ordinal_position""";

  static final String CHECKS = """
      SELECT cl.relname AS table_name, con.conname AS name, pg_get_constraintdef(con.oid) AS def
      FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE n.nspname = current_schema() AND con.contype = 'c'
      ORDER BY cl.relname, con.conname""";

  static final String INDEXES = """
      SELECT i.relname AS name, t.relname AS table_name, ix.indisunique::text AS is_unique,
        pg_get_expr(ix.indpred, ix.indrelid) AS predicate, a.attname AS column_name, k.ord
      FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(col, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.col
      WHERE n.nspname = current_schema() AND NOT ix.indisprimary
        AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints tc
          WHERE tc.table_schema = n.nspname AND tc.table_name = t.relname AND tc.constraint_name = i.relname)
      ORDER BY t.relname, i.relname, k.ord""";

  /** Every query, by name, in run order. */
  /** Views ({@code v}) and materialized views ({@code m}) with their columns, in order (see {@code LiveViews}). */
  static final String VIEWS = """
      SELECT c.relname AS name, c.relkind::text AS kind, a.attname AS column_name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = current_schema() AND c.relkind IN ('v', 'm')
      ORDER BY c.relname, a.attnum""";

  static Map<String, String> all() {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("enums", ENUMS);
    q.put("columns", COLUMNS);
    q.put("keys", KEYS);
    q.put("ref-columns", REF_COLUMNS);
    q.put("checks", CHECKS);
    q.put("indexes", INDEXES);
    q.put("views", VIEWS);
    return q;
  }
}
