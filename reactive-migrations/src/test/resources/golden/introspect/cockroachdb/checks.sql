SELECT cl.relname AS table_name, con.conname AS name, pg_get_constraintdef(con.oid) AS def
FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid
JOIN pg_namespace n ON n.oid = cl.relnamespace
WHERE n.nspname = current_schema() AND con.contype = 'c'
ORDER BY cl.relname, con.conname
