package dev.sluice.migrations.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.migrations.MigrationException;
import dev.sluice.migrations.fixtures.seed.SeedSchema;
import dev.sluice.testing.Schema;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {

  @Test
  void roundTripsTheWholeTestSchema() {
    SchemaSnapshot s = CodeSnapshots.of(Schema.COUNTRIES, Schema.CITIES, Schema.USERS, Schema.CHAT_GROUPS,
        Schema.MEMBERSHIPS, Schema.KITCHENS, Schema.POSTS, Schema.COMMENTS);
    String json = SnapshotJson.write(s);
    assertThat(SnapshotJson.read(json)).isEqualTo(s);
    assertThat(SnapshotJson.write(SnapshotJson.read(json))).isEqualTo(json);
  }

  @Test
  void writesSortedKeysOneValuePerLine() {
    String json = SnapshotJson.write(CodeSnapshots.of(SeedSchema.USERS));
    assertThat(json).isEqualTo("""
        {
          "formatVersion" : 1,
          "tables" : [
            {
              "columns" : [
                {
                  "identity" : true,
                  "name" : "id",
                  "nullable" : false,
                  "type" : {
                    "kind" : "INTEGER",
                    "length" : 0,
                    "precision" : 0,
                    "scale" : 0
                  }
                },
                {
                  "identity" : false,
                  "name" : "full_name",
                  "nullable" : true,
                  "type" : {
                    "kind" : "VARCHAR",
                    "length" : 256,
                    "precision" : 0,
                    "scale" : 0
                  }
                }
              ],
              "indexes" : [
                {
                  "columns" : [
                    "full_name"
                  ],
                  "name" : "users_full_name_index",
                  "unique" : false
                }
              ],
              "name" : "users",
              "primaryKey" : [
                "id"
              ]
            }
          ]
        }
        """);
  }

  @Test
  void theSameSchemaDeclaredInAnotherOrderGivesTheSameBytes() {
    assertThat(SnapshotJson.write(CodeSnapshots.of(SeedSchema.USERS, SeedSchema.AUTH_OTP)))
        .isEqualTo(SnapshotJson.write(CodeSnapshots.of(SeedSchema.AUTH_OTP, SeedSchema.USERS)));
  }

  @Test
  void aMalformedFileIsATypedError() {
    assertThatThrownBy(() -> SnapshotJson.read("{\"formatVersion\": 1, \"tablez\": []}"))
        .isInstanceOf(MigrationException.class).hasMessageContaining("tablez");
    assertThatThrownBy(() -> SnapshotJson.read("{\"formatVersion\": 99}"))
        .isInstanceOf(MigrationException.class).hasMessageContaining("format version 99");
  }
}
