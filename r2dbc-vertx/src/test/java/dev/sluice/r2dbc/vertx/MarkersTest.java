package dev.sluice.r2dbc.vertx;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkersTest {
    @Test
    void countsTheHighestMarkerOutsideQuotesAndComments() {
        assertThat(Markers.count("SELECT 1")).isZero();
        assertThat(Markers.count("SELECT $1, $2 FROM t WHERE a = $1")).isEqualTo(2);
        assertThat(Markers.count("SELECT '$3', \"$4\", $$ $5 $$, $tag$ $6 $tag$ -- $7\n, $1 /* $8 */")).isEqualTo(1);
        assertThat(Markers.count("SELECT 'it''s $9' || $10")).isEqualTo(10);
    }

    @Test
    void declaresTheTypeOfEachTypedMarker() {
        assertThat(Markers.typed("SELECT $1::jsonb, '$1', $2, $1", new String[] {"varchar", null}))
            .isEqualTo("SELECT ($1::varchar)::jsonb, '$1', $2, ($1::varchar)");
    }
}
