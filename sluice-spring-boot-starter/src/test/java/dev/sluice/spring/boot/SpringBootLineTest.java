package dev.sluice.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/**
 * Which Boot these tests ran on. The starter's own build runs them on Boot 4.0.x, and
 * {@code sluice-spring-boot-starter-boot41-it} runs the same classes (this module's test-jar) on
 * Boot 4.1.x's managed versions; each build names the Boot line it means
 * ({@code sluice.test.spring-boot.line}) and the exact version it imported
 * ({@code sluice.test.spring-boot.version}), so a build that silently ran on another Boot fails here.
 */
class SpringBootLineTest {
  @Test
  void theTestsRunOnTheBootVersionTheBuildImported() {
    String line = System.getProperty("sluice.test.spring-boot.line");
    String version = System.getProperty("sluice.test.spring-boot.version");
    assertThat(line).as("sluice.test.spring-boot.line, set by the module's surefire and failsafe configuration").isNotBlank();
    assertThat(version).as("sluice.test.spring-boot.version, set from the module's spring-boot.version").isNotBlank();
    assertThat(SpringBootVersion.getVersion()).startsWith(line + ".").isEqualTo(version);
  }
}
