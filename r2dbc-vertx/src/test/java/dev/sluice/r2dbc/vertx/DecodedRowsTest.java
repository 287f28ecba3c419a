package dev.sluice.r2dbc.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.vertx.sqlclient.desc.ColumnDescriptor;
import io.vertx.sqlclient.impl.RowBase;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** How {@link DecodedResult}'s rows are mapped as Vert.x decodes them, without a server: Vert.x's rows made by hand. */
class DecodedRowsTest {
    private static final VxRowMetadata TEXT = metadata("TEXT");
    private static final VxRowMetadata JSONB = metadata("JSONB");

    private static VxRowMetadata metadata(String type) {
        return VxRowMetadata.of(List.of(new ColumnDescriptor() {
            @Override public String name() { return "v"; }
            @Override public boolean isArray() { return false; }
            @Override public String typeName() { return type; }
            @Override public JDBCType jdbcType() { return JDBCType.OTHER; }
        }));
    }

    private static io.vertx.sqlclient.Row row(Object value) {
        RowBase r = new RowBase(1) {
            @Override public String getColumnName(int pos) { return "v"; }
            @Override public int getColumnIndex(String name) { return 0; }
        };
        r.addValue(value);
        return r;
    }

    /** Decodes {@code values} as Vert.x would, through the collector's accumulator. */
    private static void decode(DecodedResult.Rows rows, Object... values) {
        for (Object v : values) {
            rows.collector().accumulator().accept(rows, row(v));
        }
    }

    private static List<Object> all(Flux<?> values) {
        return new ArrayList<>(values.collectList().block());
    }

    @Test
    void rowsDecodedBeforeTheMappingCameAreMappedFirstSoItSeesEveryRowInOrder() {
        DecodedResult.Rows rows = new DecodedResult.Rows(TEXT);
        List<String> seen = new ArrayList<>();
        BiFunction<Row, RowMetadata, String> f = (row, md) -> {
            String v = row.get(0, String.class);
            seen.add(v);
            return v.toUpperCase();
        };
        decode(rows, "a", "b");
        assertThat(seen).as("no mapping given yet").isEmpty();
        assertThat(rows.claim(f)).isTrue();
        decode(rows, "c");
        assertThat(seen).as("the two before, then the one decoded").containsExactly("a", "b", "c");
        decode(rows, "d");
        assertThat(all(rows.values(f, TEXT, true))).containsExactly("A", "B", "C", "D");
        assertThat(seen).as("each row mapped once").hasSize(4);
    }

    @Test
    void aSecondMappingAndOneAfterAStopMapEveryRowWhenTheResultEnds() {
        DecodedResult.Rows rows = new DecodedResult.Rows(TEXT);
        BiFunction<Row, RowMetadata, String> f = (row, md) -> row.get(0, String.class);
        assertThat(rows.claim(f)).isTrue();
        assertThat(rows.claim(f)).as("one mapping runs as rows are decoded").isFalse();
        decode(rows, "a");
        rows.stop();
        decode(rows, "b", "c");
        assertThat(all(rows.values(f, TEXT, true))).as("the early values stopped at a: all mapped again")
            .containsExactly("a", "b", "c");
        assertThat(all(rows.values((row, md) -> row.get(0, String.class) + "!", TEXT, false)))
            .containsExactly("a!", "b!", "c!");
    }

    @Test
    void underOtherColumnsThanAssumedEveryRowIsMappedAgainUnderItsOwn() {
        DecodedResult.Rows rows = new DecodedResult.Rows(TEXT);
        BiFunction<Row, RowMetadata, String> f = (row, md) -> row.get(0, String.class);
        rows.claim(f);
        decode(rows, "abc");  // what Vert.x hands out for the jsonb value "abc": its parse
        assertThat(all(rows.values(f, JSONB, true))).as("the JSON text, not Vert.x's parse of it")
            .containsExactly("\"abc\"");
        DecodedResult.Rows same = new DecodedResult.Rows(JSONB);
        same.claim(f);
        decode(same, "abc");
        assertThat(all(same.values(f, metadata("JSONB"), true))).containsExactly("\"abc\"");
    }

    @Test
    void aMappingThatFailsEndsTheValuesWithItsErrorAfterThoseBefore() {
        DecodedResult.Rows rows = new DecodedResult.Rows(TEXT);
        BiFunction<Row, RowMetadata, String> f = (row, md) -> {
            String v = row.get(0, String.class);
            if (v.equals("b")) {
                throw new IllegalStateException("no b");
            }
            return v;
        };
        rows.claim(f);
        decode(rows, "a", "b", "c");
        List<Object> seen = new ArrayList<>();
        Throwable error = rows.values(f, TEXT, true).doOnNext(seen::add).then()
            .materialize().block().getThrowable();
        assertThat(seen).containsExactly("a");
        assertThat(error).isInstanceOf(IllegalStateException.class).hasMessage("no b");
    }
}
