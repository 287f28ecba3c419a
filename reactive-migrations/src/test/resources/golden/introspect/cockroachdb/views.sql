SELECT c.relname AS name, c.relkind::text AS kind, a.attname AS column_name
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE n.nspname = current_schema() AND c.relkind IN ('v', 'm')
ORDER BY c.relname, a.attnum
