package dev.seq4j.data.synthetic;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Random;

/**
 * Written dates in many formats to ISO 8601: {@code "Thursday, 12 March 1987" → "1987-03-12"}. The
 * model must read the whole input (day, month name or number, year in any order) before writing.
 */
public final class DateTask implements SyntheticTask {
  private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
  private static final int DAYS =
      (int) (LocalDate.of(2099, 12, 31).toEpochDay() - FIRST.toEpochDay());

  @Override
  public Pair sample(Random random) {
    LocalDate d = FIRST.plusDays(random.nextInt(DAYS + 1));
    return new Pair(format(d, random.nextInt(9)), d.toString());
  }

  /** The date written in format number {@code style} (0 to 8). */
  static String format(LocalDate d, int style) {
    String month = d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    String mon = d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    String weekday = d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    int day = d.getDayOfMonth();
    int year = d.getYear();
    return switch (style) {
      case 0 -> day + " " + month + " " + year;
      case 1 -> month + " " + day + ", " + year;
      case 2 -> day + " " + mon + " " + year;
      case 3 -> mon + " " + day + " " + year;
      case 4 -> String.format(Locale.ROOT, "%02d.%02d.%d", day, d.getMonthValue(), year);
      case 5 -> weekday + ", " + day + " " + month + " " + year;
      case 6 -> "the " + ordinal(day) + " of " + month + " " + year;
      case 7 -> month.toLowerCase(Locale.ROOT) + " " + day + " " + year;
      default -> String.format(Locale.ROOT, "%d/%d/%d", d.getMonthValue(), day, year);
    };
  }

  static String ordinal(int n) {
    String suffix =
        (n % 100 >= 11 && n % 100 <= 13)
            ? "th"
            : switch (n % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }
}
