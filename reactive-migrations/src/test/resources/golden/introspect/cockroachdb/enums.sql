SELECT t.typname AS name, e.enumlabel AS label FROM pg_type t
JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = current_schema() ORDER BY t.typname, e.enumsortorder
