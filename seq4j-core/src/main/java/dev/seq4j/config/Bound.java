package dev.seq4j.config;

/** One end of a numeric range, open or closed; {@link #NONE} when unbounded. */
public record Bound(double value, boolean inclusive, boolean present) {
  /** No bound. */
  public static final Bound NONE = new Bound(0, false, false);

  /** Admits x >= v. */
  public static Bound atLeast(double v) {
    return new Bound(v, true, true);
  }

  /** Admits x > v. */
  public static Bound above(double v) {
    return new Bound(v, false, true);
  }

  /** Admits x <= v. */
  public static Bound atMost(double v) {
    return new Bound(v, true, true);
  }

  /** Admits x < v. */
  public static Bound below(double v) {
    return new Bound(v, false, true);
  }

  boolean admitsFromBelow(double x) {
    return !present || (inclusive ? x >= value : x > value);
  }

  boolean admitsFromAbove(double x) {
    return !present || (inclusive ? x <= value : x < value);
  }

  static String describe(Bound lower, Bound upper) {
    if (!upper.present) {
      return "must be " + (lower.inclusive ? ">= " : "> ") + format(lower.value);
    }
    if (!lower.present) {
      return "must be " + (upper.inclusive ? "<= " : "< ") + format(upper.value);
    }
    return "must be in "
        + (lower.inclusive ? "[" : "(")
        + format(lower.value)
        + ", "
        + format(upper.value)
        + (upper.inclusive ? "]" : ")");
  }

  private static String format(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
