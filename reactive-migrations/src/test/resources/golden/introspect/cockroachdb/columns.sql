SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.character_maximum_length AS len,
  c.numeric_precision AS prec, c.numeric_scale AS scale, c.is_nullable, c.column_default, c.is_identity,
  c.is_generated, c.generation_expression
FROM information_schema.columns c JOIN information_schema.tables t
  ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
WHERE c.table_schema = current_schema() AND c.is_hidden = 'NO'
ORDER BY c.table_name, c.ordinal_position
