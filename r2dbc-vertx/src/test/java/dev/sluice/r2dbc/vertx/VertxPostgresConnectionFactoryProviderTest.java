package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VertxPostgresConnectionFactoryProviderTest {

    @Test
    void aVertxPostgresqlUrlMakesThisFactoryWithItsOptions() {
        VertxPostgresConnectionFactory f = (VertxPostgresConnectionFactory) ConnectionFactories.get(
            "r2dbc:vertx-postgresql://app:secret@db.example:6543/shop?fetchSize=64&statementTimeout=PT2S"
                + "&lockWaitTimeout=1500&statementCacheSize=0&applicationName=x");
        VertxPostgresConfiguration c = f.configuration();
        assertThat(c.host()).isEqualTo("db.example");
        assertThat(c.port()).isEqualTo(6543);
        assertThat(c.user()).isEqualTo("app");
        assertThat(c.password()).isEqualTo("secret");
        assertThat(c.database()).isEqualTo("shop");
        assertThat(c.fetchSize()).isEqualTo(64);
        assertThat(c.statementTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.lockWaitTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.statementCacheSize()).isZero();
        assertThat(c.applicationName()).isEqualTo("x");
        assertThat(f.getMetadata().getName()).isEqualTo("PostgreSQL");
    }

    @Test
    void defaultsToPort5432AndTheUsersDatabase() {
        VertxPostgresConfiguration c = ((VertxPostgresConnectionFactory) ConnectionFactories.get(
            "r2dbc:vertx-postgresql://bob@h")).configuration();
        assertThat(c.port()).isEqualTo(5432);
        assertThat(c.database()).isEqualTo("bob");
        assertThat(c.fetchSize()).isEqualTo(VertxPostgresConfiguration.DEFAULT_FETCH_SIZE);
    }

    @Test
    void supportsOnlyItsOwnDriverName() {
        VertxPostgresConnectionFactoryProvider p = new VertxPostgresConnectionFactoryProvider();
        assertThat(p.supports(ConnectionFactoryOptions.parse("r2dbc:vertx-postgresql://u@h/d"))).isTrue();
        assertThat(p.supports(ConnectionFactoryOptions.parse("r2dbc:postgresql://u@h/d"))).isFalse();
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> ConnectionFactories.get("r2dbc:vertx-postgresql://h/d"))
            .hasMessageContaining("needs a user");
        assertThatThrownBy(() -> ConnectionFactories.get("r2dbc:vertx-postgresql://u@h/d?fetchSize=many"))
            .hasMessageContaining("fetchSize");
        assertThatThrownBy(() -> ConnectionFactories.get("r2dbc:vertx-postgresql://u@h/d?statementTimeout=soon"))
            .hasMessageContaining("statementTimeout");
    }
}
