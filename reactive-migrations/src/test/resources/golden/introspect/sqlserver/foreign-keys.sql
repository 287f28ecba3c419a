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
ORDER BY t.name, fk.name, fkc.constraint_column_id
