package dev.sluice.dialect.postgres;

/**
 * {@link PostgresRestartIT} through r2dbc-vertx: the restartable cluster stopped and started under
 * a pool of Vert.x connections built by Sluice.
 */
class VertxPostgresRestartIT extends PostgresRestartIT {
  @Override protected String url(String port) {
    return "r2dbc:vertx-postgresql://postgres@127.0.0.1:" + port + "/postgres";
  }
}
