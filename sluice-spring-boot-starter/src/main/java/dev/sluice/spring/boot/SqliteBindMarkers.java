package dev.sluice.spring.boot;

import io.r2dbc.spi.ConnectionFactory;
import org.springframework.r2dbc.core.binding.BindMarkersFactory;
import org.springframework.r2dbc.core.binding.BindMarkersFactoryResolver.BindMarkerFactoryProvider;

/**
 * Tells Spring R2DBC that the SQLite bridge ({@code r2dbc:sqlite:}) takes {@code ?} markers, so that
 * Boot's {@code DatabaseClient} auto-configuration starts on SQLite instead of failing with "Cannot
 * determine a BindMarkersFactory for SQLite" (registered in {@code META-INF/spring.factories}).
 */
public class SqliteBindMarkers implements BindMarkerFactoryProvider {
  @Override
  public BindMarkersFactory getBindMarkers(ConnectionFactory connectionFactory) {
    return "SQLite".equals(connectionFactory.getMetadata().getName()) ? BindMarkersFactory.anonymous("?") : null;
  }
}
