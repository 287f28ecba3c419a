SELECT tc.table_name, tc.constraint_name AS name, tc.constraint_type AS kind, k.column_name,
  k.ordinal_position AS ord, k.position_in_unique_constraint AS ref_pos,
  r.unique_constraint_name AS ref_constraint, r.delete_rule AS on_delete, r.update_rule AS on_update
FROM information_schema.table_constraints tc
JOIN information_schema.key_column_usage k ON k.constraint_schema = tc.constraint_schema
  AND k.table_name = tc.table_name AND k.constraint_name = tc.constraint_name
LEFT JOIN information_schema.referential_constraints r ON r.constraint_schema = tc.constraint_schema
  AND r.constraint_name = tc.constraint_name
WHERE tc.table_schema = current_schema() AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
ORDER BY tc.table_name, tc.constraint_name, k.ordinal_position
