SELECT v.name AS name, 'v' AS kind, c.name AS column_name
FROM sys.views v JOIN sys.columns c ON c.object_id = v.object_id
WHERE v.schema_id = SCHEMA_ID() AND v.is_ms_shipped = 0
ORDER BY v.name, c.column_id
