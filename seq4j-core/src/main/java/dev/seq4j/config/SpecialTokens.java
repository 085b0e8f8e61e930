package dev.seq4j.config;

import java.util.HashSet;
import java.util.List;

/**
 * The four special tokens and their id order: {@code data.specials} in YAML, and what a {@code
 * tokenize.Vocabulary} is built and saved with. The default is {@code <pad>=0 <unk>=1 <bos>=2
 * <eos>=3}; the source document's layout is {@code bos: <sos>, order: [bos, eos, pad, unk]}.
 *
 * @param pad padding
 * @param unk unknown token
 * @param bos beginning of sentence
 * @param eos end of sentence
 * @param order the roles {@code pad, unk, bos, eos} in id order
 */
public record SpecialTokens(String pad, String unk, String bos, String eos, List<String> order) {
  private static final List<String> ROLES = List.of("pad", "unk", "bos", "eos");

  /** Validates the roles and tokens; errors name the YAML key ({@code data.specials.…}). */
  public SpecialTokens {
    order = List.copyOf(order);
    if (order.size() != 4 || !new HashSet<>(order).equals(new HashSet<>(ROLES))) {
      throw new InvalidSetting(
          "data.specials.order", "must list each of pad, unk, bos, eos once, was " + order);
    }
    List<String> tokens = List.of(pad, unk, bos, eos);
    if (new HashSet<>(tokens).size() != 4 || tokens.stream().anyMatch(String::isBlank)) {
      throw new InvalidSetting(
          "data.specials.pad",
          "the four special tokens must be distinct and non-empty, were " + tokens);
    }
  }

  /** Translation default: {@code <pad>=0 <unk>=1 <bos>=2 <eos>=3}. */
  public static SpecialTokens translation() {
    return new SpecialTokens("<pad>", "<unk>", "<bos>", "<eos>", ROLES);
  }

  /** The source document's layout: {@code <sos>=0 <eos>=1}, then {@code <pad>=2 <unk>=3}. */
  public static SpecialTokens seed() {
    return new SpecialTokens(
        "<pad>", "<unk>", "<sos>", "<eos>", List.of("bos", "eos", "pad", "unk"));
  }

  /** Character models: {@code <MASK>=0 <UNK>=1 <BEGIN>=2 <END>=3}. */
  public static SpecialTokens characters() {
    return new SpecialTokens("<MASK>", "<UNK>", "<BEGIN>", "<END>", ROLES);
  }

  /** Reads {@code data.specials}; defaults are those of {@link #translation()}. */
  static SpecialTokens read(Section s) {
    SpecialTokens c =
        s.check(
            () ->
                new SpecialTokens(
                    s.string("pad", "<pad>", false),
                    s.string("unk", "<unk>", false),
                    s.string("bos", "<bos>", false),
                    s.string("eos", "<eos>", false),
                    s.strings("order", ROLES)));
    s.finish();
    return c;
  }

  /** The token of a role ({@code pad}, {@code unk}, {@code bos} or {@code eos}). */
  public String token(String role) {
    return switch (role) {
      case "pad" -> pad;
      case "unk" -> unk;
      case "bos" -> bos;
      case "eos" -> eos;
      default -> throw new IllegalArgumentException("unknown role '" + role + "'");
    };
  }

  /** The special tokens in id order. */
  public List<String> tokensInOrder() {
    return order.stream().map(this::token).toList();
  }
}
