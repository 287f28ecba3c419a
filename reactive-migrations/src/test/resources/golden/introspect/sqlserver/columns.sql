SELECT t.name AS table_name, c.name AS column_name, ty.name AS type_name, c.max_length AS max_length,
  c.precision AS prec, c.scale AS scale, c.is_nullable AS is_nullable, c.is_identity AS is_identity,
  dc.definition AS default_definition, cc.definition AS computed_definition, cc.is_persisted AS is_persisted
FROM sys.tables t
JOIN sys.columns c ON c.object_id = t.object_id
JOIN sys.types ty ON ty.user_type_id = c.user_type_id
LEFT JOIN sys.default_constraints dc ON dc.object_id = c.default_object_id
LEFT JOIN sys.computed_columns cc ON cc.object_id = c.object_id AND cc.column_id = c.column_id
WHERE t.schema_id = SCHEMA_ID() AND t.is_ms_shipped = 0
ORDER BY t.name, c.column_id
