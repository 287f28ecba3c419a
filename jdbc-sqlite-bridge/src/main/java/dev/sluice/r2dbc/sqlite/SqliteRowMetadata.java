package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Nullability;
import io.r2dbc.spi.RowMetadata;

import org.sqlite.core.CoreResultSet;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** Row metadata; column names are matched case-insensitively, the first match wins. */
final class SqliteRowMetadata implements RowMetadata {

    private final List<SqliteColumnMetadata> columns;

    private SqliteRowMetadata(List<SqliteColumnMetadata> columns) {
        this.columns = List.copyOf(columns);
    }

    static SqliteRowMetadata of(ResultSetMetaData jdbc) throws SQLException {
        int count = jdbc.getColumnCount();
        List<SqliteColumnMetadata> columns = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            columns.add(new SqliteColumnMetadata(jdbc.getColumnLabel(i), declaredType(jdbc, i), nullability(jdbc, i)));
        }
        return new SqliteRowMetadata(columns);
    }

    /**
     * Whether {@code resultSet} has the same number of columns with the same labels, in the same order. sqlite-jdbc
     * reads every label of a result set when it opens it ({@code CoreResultSet.cols}); those are compared, without
     * asking SQLite for each label again.
     */
    boolean hasSameColumns(ResultSet resultSet) throws SQLException {
        if (resultSet instanceof CoreResultSet && ((CoreResultSet) resultSet).cols != null) {
            String[] labels = ((CoreResultSet) resultSet).cols;
            if (labels.length != columns.size()) {
                return false;
            }
            for (int i = 0; i < labels.length; i++) {
                if (!columns.get(i).getName().equals(labels[i])) {
                    return false;
                }
            }
            return true;
        }
        return hasSameColumns(resultSet.getMetaData());
    }

    private boolean hasSameColumns(ResultSetMetaData jdbc) throws SQLException {
        int count = jdbc.getColumnCount();
        if (count != columns.size()) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (!columns.get(i).getName().equals(jdbc.getColumnLabel(i + 1))) {
                return false;
            }
        }
        return true;
    }

    private static String declaredType(ResultSetMetaData jdbc, int column) {
        try {
            return jdbc.getColumnTypeName(column);
        } catch (SQLException | RuntimeException e) {
            return "";
        }
    }

    private static Nullability nullability(ResultSetMetaData jdbc, int column) {
        try {
            int nullable = jdbc.isNullable(column);
            return nullable == ResultSetMetaData.columnNoNulls ? Nullability.NON_NULL
                : nullable == ResultSetMetaData.columnNullable ? Nullability.NULLABLE : Nullability.UNKNOWN;
        } catch (SQLException | RuntimeException e) {
            return Nullability.UNKNOWN;
        }
    }

    int size() {
        return columns.size();
    }

    SqliteColumnMetadata column(int index) {
        if (index < 0 || index >= columns.size()) {
            throw new IndexOutOfBoundsException("Column index " + index + " out of range [0, " + columns.size() + ")");
        }
        return columns.get(index);
    }

    int indexOf(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).getName().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new NoSuchElementException("No column named '" + name + "' in " + columns);
    }

    @Override
    public ColumnMetadata getColumnMetadata(int index) {
        return column(index);
    }

    @Override
    public ColumnMetadata getColumnMetadata(String name) {
        return columns.get(indexOf(name));
    }

    @Override
    public List<? extends ColumnMetadata> getColumnMetadatas() {
        return columns;
    }

    @Override
    public boolean contains(String columnName) {
        for (SqliteColumnMetadata column : columns) {
            if (column.getName().equalsIgnoreCase(columnName)) {
                return true;
            }
        }
        return false;
    }
}
