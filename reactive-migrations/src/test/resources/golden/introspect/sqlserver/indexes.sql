SELECT t.name AS table_name, i.name AS name, i.is_unique AS is_unique, i.has_filter AS has_filter,
  i.filter_definition AS filter_definition, c.name AS column_name, ic.key_ordinal AS ord
FROM sys.indexes i
JOIN sys.tables t ON t.object_id = i.object_id
JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
WHERE t.schema_id = SCHEMA_ID() AND i.is_primary_key = 0 AND i.is_unique_constraint = 0
  AND i.is_hypothetical = 0 AND i.type IN (1, 2) AND ic.is_included_column = 0
ORDER BY t.name, i.name, ic.key_ordinal
