package dev.sluice.r2dbc.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.sqlclient.desc.ColumnDescriptor;
import java.sql.JDBCType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metadata of a prepared statement's results is built once per column list Vert.x hands back. */
class MetadatasTest {
    private static ColumnDescriptor column(String name) {
        return new ColumnDescriptor() {
            @Override public String name() { return name; }
            @Override public boolean isArray() { return false; }
            @Override public String typeName() { return "INT4"; }
            @Override public JDBCType jdbcType() { return JDBCType.INTEGER; }
        };
    }

    @Test
    void theSameListGivesTheSameMetadataAndAnotherListItsOwn() {
        Metadatas m = new Metadatas();
        List<ColumnDescriptor> a = List.of(column("id"), column("name"));
        List<ColumnDescriptor> b = List.of(column("id"), column("other"));
        VxRowMetadata first = m.of(a);
        assertThat(m.of(a)).isSameAs(first);
        VxRowMetadata other = m.of(b);
        assertThat(other).isNotSameAs(first);
        assertThat(other.getColumnMetadata(1).getName()).isEqualTo("other");
        assertThat(m.of(a).getColumnMetadata(1).getName()).isEqualTo("name");
    }

    @Test
    void aResultWithoutColumnsHasNoMetadata() {
        Metadatas m = new Metadatas();
        assertThat(m.of(null)).isNull();
        assertThat(m.of(List.of())).isNull();
    }
}
