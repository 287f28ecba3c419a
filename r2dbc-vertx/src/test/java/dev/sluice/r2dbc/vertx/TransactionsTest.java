package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.TransactionDefinition;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionsTest {
    @Test
    void beginCarriesIsolationAndReadOnly() {
        assertThat(Transactions.begin(IsolationLevel.SERIALIZABLE)).isEqualTo("BEGIN ISOLATION LEVEL SERIALIZABLE");
        TransactionDefinition readOnly = new TransactionDefinition() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T getAttribute(io.r2dbc.spi.Option<T> option) {
                return option.equals(TransactionDefinition.READ_ONLY) ? (T) Boolean.TRUE : null;
            }
        };
        assertThat(Transactions.begin(readOnly)).isEqualTo("BEGIN READ ONLY");
        assertThatThrownBy(() -> Transactions.isolation(IsolationLevel.valueOf("SNAPSHOT")))
            .hasMessageContaining("SNAPSHOT");
    }

    @Test
    void savepointNamesAreQuotedAndTimeoutsInMilliseconds() {
        assertThat(Transactions.savepoint("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(Transactions.timeout("statement_timeout", Duration.ofSeconds(2))).isEqualTo("SET statement_timeout = 2000");
        assertThat(Transactions.timeout("lock_timeout", null)).isEqualTo("SET lock_timeout = 0");
    }

    @Test
    void statementsRunAsSqlChangeTheTransactionStateByTheirFirstWord() {
        assertThat(Transactions.effect("  begin isolation level serializable")).isEqualTo(1);
        assertThat(Transactions.effect("START TRANSACTION")).isEqualTo(1);
        assertThat(Transactions.effect("COMMIT")).isEqualTo(-1);
        assertThat(Transactions.effect("rollback")).isEqualTo(-1);
        assertThat(Transactions.effect("ROLLBACK TO SAVEPOINT a")).isZero();
        assertThat(Transactions.effect("SELECT 1")).isZero();
    }
}
