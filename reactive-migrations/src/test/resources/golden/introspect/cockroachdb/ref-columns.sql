SELECT tc.constraint_name AS name, tc.table_name, k.column_name, k.ordinal_position AS ord
FROM information_schema.table_constraints tc
JOIN information_schema.key_column_usage k ON k.constraint_schema = tc.constraint_schema
  AND k.table_name = tc.table_name AND k.constraint_name = tc.constraint_name
WHERE tc.table_schema = current_schema() AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE')
ORDER BY tc.table_name, tc.constraint_name, k.ordinal_position
