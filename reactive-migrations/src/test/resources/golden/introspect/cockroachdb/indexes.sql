SELECT i.relname AS name, t.relname AS table_name, ix.indisunique::text AS is_unique,
  pg_get_expr(ix.indpred, ix.indrelid) AS predicate, a.attname AS column_name, k.ord
FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(col, ord)
JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.col
WHERE n.nspname = current_schema() AND NOT ix.indisprimary
  AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints tc
    WHERE tc.table_schema = n.nspname AND tc.table_name = t.relname AND tc.constraint_name = i.relname)
ORDER BY t.relname, i.relname, k.ord
