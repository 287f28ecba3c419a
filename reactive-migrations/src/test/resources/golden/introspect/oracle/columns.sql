SELECT c.TABLE_NAME AS table_name, c.COLUMN_NAME AS column_name, c.DATA_TYPE AS data_type,
  c.DATA_LENGTH AS data_length, c.CHAR_LENGTH AS char_length, c.DATA_PRECISION AS data_precision,
  c.DATA_SCALE AS data_scale, c.NULLABLE AS nullable, c.DATA_DEFAULT AS data_default,
  c.IDENTITY_COLUMN AS identity_column, c.VIRTUAL_COLUMN AS virtual_column
FROM USER_TAB_COLS c JOIN USER_TABLES t ON t.TABLE_NAME = c.TABLE_NAME
WHERE t.DROPPED = 'NO' AND t.TEMPORARY = 'N' AND c.HIDDEN_COLUMN = 'NO'
ORDER BY c.TABLE_NAME, c.COLUMN_ID
