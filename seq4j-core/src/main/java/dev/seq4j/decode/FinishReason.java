package dev.seq4j.decode;

/** Why an output ended: it emitted {@code <eos>}, or it was cut at its length cap. */
public enum FinishReason {
  /** The decoder chose {@code <eos>} (an empty input also counts as finished). */
  EOS,
  /** The output reached its cap ({@code decode.maxLength} or {@code a·srcLength + b}). */
  LENGTH
}
