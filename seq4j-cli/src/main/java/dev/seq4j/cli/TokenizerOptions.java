package dev.seq4j.cli;

import dev.seq4j.tokenize.Tokenizer;
import dev.seq4j.tokenize.TokenizerSpec;
import dev.seq4j.tokenize.Tokenizers;
import picocli.CommandLine.Option;

/** The {@code --tokenizer} and {@code --lowercase} options of the commands that read raw text. */
final class TokenizerOptions {
  @Option(
      names = "--tokenizer",
      defaultValue = "word",
      description = "word, char, korean or space (default: ${DEFAULT-VALUE})")
  String type;

  @Option(names = "--lowercase", description = "lowercase first")
  boolean lowercase;

  /** A new tokenizer of the chosen type. */
  Tokenizer create() {
    return Tokenizers.create(new TokenizerSpec(type, lowercase));
  }
}
