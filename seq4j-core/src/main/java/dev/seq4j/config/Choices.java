package dev.seq4j.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** YAML spellings of enum constants: lower case, {@code _} written as {@code -}. */
public final class Choices {
  private Choices() {}

  /** The YAML name of {@code e}, e.g. {@code EVERY_STEP → every-step}. */
  public static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** All YAML names of {@code type}, comma-separated, in declaration order. */
  public static String names(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(Choices::name)
        .collect(Collectors.joining(", "));
  }
}
