package dev.sluice.migrations.introspect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalog queries {@link OracleIntrospector} runs on Oracle (12.2+: {@code IDENTITY_COLUMN},
 * {@code SEARCH_CONDITION_VC}), over the connected user's own objects ({@code USER_*} views).
 * Tables in the recycle bin ({@code BIN$...}) are left out.
 */
final class OracleCatalog {
  private OracleCatalog() { }

  static final String COLUMNS = """
      SELECT c.TABLE_NAME AS table_name, c.COLUMN_NAME AS column_name, c.DATA_TYPE AS data_type,
        c.DATA_LENGTH AS data_length, c.CHAR_LENGTH AS char_length, c.DATA_PRECISION AS data_precision,
        c.DATA_SCALE AS data_scale, c.NULLABLE AS nullable, c.DATA_DEFAULT AS data_default,
        c.IDENTITY_COLUMN AS identity_column, c.VIRTUAL_COLUMN AS virtual_column
      FROM USER_TAB_COLS c JOIN USER_TABLES t ON t.TABLE_NAME = c.TABLE_NAME
      WHERE t.DROPPED = 'NO' AND t.TEMPORARY = 'N' AND c.HIDDEN_COLUMN = 'NO'
      ORDER BY c.TABLE_NAME, c.COLUMN_ID""";

  static final String CONSTRAINTS = """
      SELECT con.TABLE_NAME AS table_name, con.CONSTRAINT_NAME AS name, con.CONSTRAINT_TYPE AS kind,
        cc.COLUMN_NAME AS column_name, cc.POSITION AS position, rcon.TABLE_NAME AS ref_table,
        rcc.COLUMN_NAME AS ref_column, con.DELETE_RULE AS delete_rule,
        con.SEARCH_CONDITION_VC AS search_condition, con.GENERATED AS generated
      FROM USER_CONSTRAINTS con
      LEFT JOIN USER_CONS_COLUMNS cc ON cc.CONSTRAINT_NAME = con.CONSTRAINT_NAME AND cc.TABLE_NAME = con.TABLE_NAME
      LEFT JOIN USER_CONSTRAINTS rcon ON rcon.CONSTRAINT_NAME = con.R_CONSTRAINT_NAME
      LEFT JOIN USER_CONS_COLUMNS rcc ON rcc.CONSTRAINT_NAME = con.R_CONSTRAINT_NAME AND rcc.POSITION = cc.POSITION
      WHERE con.CONSTRAINT_TYPE IN ('P', 'U', 'R', 'C') AND con.TABLE_NAME NOT LIKE 'BIN$%'
      ORDER BY con.TABLE_NAME, con.CONSTRAINT_NAME, cc.POSITION""";

  static final String INDEXES = """
      SELECT i.TABLE_NAME AS table_name, i.INDEX_NAME AS name, i.UNIQUENESS AS uniqueness,
        ic.COLUMN_NAME AS column_name, ic.COLUMN_POSITION AS position
      FROM USER_INDEXES i JOIN USER_IND_COLUMNS ic ON ic.INDEX_NAME = i.INDEX_NAME
      WHERE i.INDEX_TYPE = 'NORMAL' AND i.TABLE_NAME NOT LIKE 'BIN$%'
        AND NOT EXISTS (SELECT 1 FROM USER_CONSTRAINTS con WHERE con.INDEX_NAME = i.INDEX_NAME
          AND con.CONSTRAINT_TYPE IN ('P', 'U'))
      ORDER BY i.TABLE_NAME, i.INDEX_NAME, ic.COLUMN_POSITION""";

  /** Every query, by name, in run order. */
  /** Views and their columns, in order (a view is its name and columns, see {@code LiveViews}). */
  static final String VIEWS = """
      SELECT v.VIEW_NAME AS name, 'v' AS kind, c.COLUMN_NAME AS column_name
      FROM USER_VIEWS v JOIN USER_TAB_COLUMNS c ON c.TABLE_NAME = v.VIEW_NAME
      ORDER BY v.VIEW_NAME, c.COLUMN_ID""";

  static Map<String, String> all() {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("columns", COLUMNS);
    q.put("constraints", CONSTRAINTS);
    q.put("indexes", INDEXES);
    q.put("views", VIEWS);
    return q;
  }
}
