package dev.sluice.migrations.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GET_LOCK names: the database and the lock's name, within MySQL's 64 characters. */
class MySqlLockNameTest {
  @Test
  void isTheDatabaseAndTheName() {
    assertThat(MySqlLockName.of("shop", "sluice_migrations")).isEqualTo("shop.sluice_migrations");
    assertThat(MySqlLockName.of("shop", "sluice_seeds")).isNotEqualTo(MySqlLockName.of("shop", "sluice_migrations"));
  }

  @Test
  void withoutACurrentDatabaseIsTheNameAlone() {
    assertThat(MySqlLockName.of(null, "sluice_migrations")).isEqualTo("sluice_migrations");
  }

  @Test
  void aNameOfSixtyFourCharactersIsKeptAndALongerOneIsHashedToSixtyFour() {
    String db64 = "d".repeat(64 - ".sluice_migrations".length());
    assertThat(MySqlLockName.of(db64, "sluice_migrations")).isEqualTo(db64 + ".sluice_migrations");

    String longDb = "sluice_mig_maria_two_databases_" + "x".repeat(33);   // 64 characters, as MySQL allows
    String a = MySqlLockName.of(longDb, "sluice_migrations");
    String b = MySqlLockName.of(longDb.substring(0, 63) + "y", "sluice_migrations");
    assertThat(a).hasSize(64).startsWith("sluice_mig_maria_two_da~").matches("[^~]{23}~[0-9a-f]{40}");
    assertThat(b).hasSize(64).isNotEqualTo(a);
    assertThat(MySqlLockName.of(longDb, "sluice_migrations")).as("stable").isEqualTo(a);
  }
}
