package dev.seq4j.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the PyTorch engine the way seq4j needs it: offline (nothing is downloaded at run time) and
 * with the intra-op thread count set before the first {@link Engine#getInstance()}.
 *
 * <p>The launcher sets the same properties; calling {@link #start()} from a library user or a test
 * gives identical behaviour without the launcher. Explicit system properties always win.
 */
public final class Engines {
  private static final Logger LOG = LoggerFactory.getLogger(Engines.class);
  private static volatile Engine engine;

  private Engines() {}

  /** Returns the started PyTorch engine, starting it offline on the first call. */
  public static Engine start() {
    Engine e = engine;
    if (e == null) {
      synchronized (Engines.class) {
        if (engine == null) {
          configureProperties();
          engine = Engine.getEngine("PyTorch");
          LOG.debug("engine started: {}", describe());
        }
        e = engine;
      }
    }
    return e;
  }

  static void configureProperties() {
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("ai.djl.pytorch.num_threads", String.valueOf(defaultThreads()));
    setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    setIfAbsent("java.awt.headless", "true");
  }

  /** Threads for intra-op parallelism: {@code SEQ4J_THREADS} if set, otherwise the core count. */
  static int defaultThreads() {
    String env = System.getenv("SEQ4J_THREADS");
    if (env != null && !env.isBlank()) {
      try {
        int n = Integer.parseInt(env.trim());
        if (n >= 1) {
          return n;
        }
      } catch (NumberFormatException ignored) {
        // fall through to the core count
      }
      throw new IllegalArgumentException(
          "SEQ4J_THREADS must be an integer >= 1, was '" + env + "'");
    }
    return Runtime.getRuntime().availableProcessors();
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /** The device models are placed on: the first GPU when libtorch has CUDA, otherwise the CPU. */
  public static Device device() {
    return start().defaultDevice();
  }

  /** A one-paragraph report of the runtime: engine, version, threads, allocator, device. */
  public static RuntimeInfo describe() {
    Engine e = start();
    String allocator = System.getenv().getOrDefault("SEQ4J_ALLOCATOR_IN_USE", allocatorGuess());
    return new RuntimeInfo(
        e.getEngineName(),
        e.getVersion(),
        JniUtils.getNumThreads(),
        Integer.getInteger("ai.djl.pytorch.num_interop_threads", -1),
        allocator,
        System.getenv().getOrDefault("SEQ4J_MKL_IN_USE", "off (not started by ./seq4j)"),
        e.defaultDevice().toString(),
        e.getGpuCount(),
        Boolean.parseBoolean(System.getProperty("ai.djl.offline")));
  }

  private static String allocatorGuess() {
    String preload = System.getenv().getOrDefault("LD_PRELOAD", "");
    if (preload.toLowerCase(Locale.ROOT).contains("tcmalloc")) {
      return "tcmalloc (" + preload + ")";
    }
    String tunables = System.getenv("GLIBC_TUNABLES");
    if (tunables != null && !tunables.isBlank()) {
      return "glibc malloc, tuned (" + tunables + ")";
    }
    return "glibc malloc (default)";
  }
}
