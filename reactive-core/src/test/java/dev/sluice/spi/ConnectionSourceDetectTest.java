package dev.sluice.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * Spring is optional: {@link ConnectionSource#detect()} finds it by name and falls back to
 * {@link ConnectionSource#NONE}. This class also runs in the {@code without-spring} execution, where
 * the class path has no Spring at all.
 */
class ConnectionSourceDetectTest {
  private static final String SPRING_UTILS = "org.springframework.r2dbc.connection.ConnectionFactoryUtils";

  private static boolean springOn(ClassLoader loader) {
    try {
      Class.forName(SPRING_UTILS, false, loader);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  @Test
  void detectFindsSpringExactlyWhenItIsOnTheClassPath() {
    boolean spring = springOn(getClass().getClassLoader());
    if (Boolean.getBoolean("sluice.withoutSpring")) {
      assertThat(spring).as("the without-spring execution really has no Spring").isFalse();
    }
    ConnectionSource detected = ConnectionSource.detect();
    if (spring) {
      assertThat(detected.getClass().getName()).isEqualTo("dev.sluice.spring.SpringConnectionSource");
    } else {
      assertThat(detected).isSameAs(ConnectionSource.NONE);
    }
  }

  @Test
  void withSpringHiddenDetectFallsBackToNone() throws Exception {
    URL classes = ConnectionSource.class.getProtectionDomain().getCodeSource().getLocation();
    try (HidingSpring loader = new HidingSpring(classes, getClass().getClassLoader())) {
      assertThat(springOn(loader)).isFalse();
      Class<?> source = loader.loadClass(ConnectionSource.class.getName());
      assertThat(source).isNotSameAs(ConnectionSource.class);
      Object none = source.getField("NONE").get(null);
      assertThat(source.getMethod("detect").invoke(null)).isSameAs(none);
    }
  }

  /** Loads Sluice's classes itself (child first) and finds no Spring class. */
  private static final class HidingSpring extends URLClassLoader {
    HidingSpring(URL classes, ClassLoader parent) {
      super(new URL[] {classes}, parent);
    }

    @Override protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (name.startsWith("org.springframework.")) {
          throw new ClassNotFoundException(name + " (hidden)");
        }
        if (name.startsWith("dev.sluice.")) {
          Class<?> c = findLoadedClass(name);
          if (c == null) {
            c = findClass(name);
          }
          if (resolve) {
            resolveClass(c);
          }
          return c;
        }
        return super.loadClass(name, resolve);
      }
    }
  }
}
