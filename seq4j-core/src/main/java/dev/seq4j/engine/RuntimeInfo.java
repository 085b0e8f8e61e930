package dev.seq4j.engine;

/** What the native runtime runs with; printed by {@code seq4j info} and {@code --version}. */
public record RuntimeInfo(
    String engine,
    String engineVersion,
    int intraOpThreads,
    int interOpThreads,
    String allocator,
    String mkl,
    String device,
    int gpus,
    boolean offline) {

  /** Human-readable lines, one fact a line. */
  public String format() {
    return String.join(
        "\n",
        "engine:     " + engine + " " + engineVersion,
        "threads:    " + intraOpThreads + " intra-op, " + interOpThreads + " inter-op",
        "allocator:  " + allocator,
        "mkl:        " + mkl,
        "device:     " + device + " (" + gpus + " GPU(s) visible)",
        "offline:    " + offline);
  }
}
