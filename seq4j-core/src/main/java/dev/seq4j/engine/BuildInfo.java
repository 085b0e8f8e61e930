package dev.seq4j.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which seq4j this is: the semantic version of the POM and the build time, read from a resource the
 * build fills in. Starts no engine, so {@code seq4j --version} answers at once.
 *
 * @param version the project version, e.g. {@code 0.9.0}
 * @param built when the jar was built (UTC, ISO-8601)
 */
public record BuildInfo(String version, String built) {
  private static final String RESOURCE = "build.properties";

  /** The build of the classes on the class path. */
  public static BuildInfo current() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "dev/seq4j/engine/" + RESOURCE + " is missing from the class path: a broken build");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(p.getProperty("version"), p.getProperty("built"));
  }

  /** {@code seq4j 0.9.0 (built 2026-12-03T12:00:00Z)}. */
  public String format() {
    return "seq4j " + version + " (built " + built + ")";
  }
}
