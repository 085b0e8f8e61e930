package dev.seq4j.config;

import java.util.HashSet;
import java.util.List;

/**
 * The four special tokens and their id order. The default is {@code <pad>=0 <unk>=1 <bos>=2
 * <eos>=3}; the source document's layout is {@code bos: <sos>, order: [bos, eos, pad, unk]}.
 *
 * @param order the roles (pad, unk, bos, eos) in id order
 */
public record SpecialsConfig(String pad, String unk, String bos, String eos, List<String> order) {
  static final List<String> ROLES = List.of("pad", "unk", "bos", "eos");

  static SpecialsConfig read(Section s) {
    SpecialsConfig c =
        new SpecialsConfig(
            s.string("pad", "<pad>", false),
            s.string("unk", "<unk>", false),
            s.string("bos", "<bos>", false),
            s.string("eos", "<eos>", false),
            s.strings("order", ROLES));
    if (c.order.size() != 4 || !new HashSet<>(c.order).equals(new HashSet<>(ROLES))) {
      throw s.invalid("order", "must list each of pad, unk, bos, eos once, was " + c.order);
    }
    List<String> tokens = List.of(c.pad, c.unk, c.bos, c.eos);
    if (new HashSet<>(tokens).size() != 4 || tokens.stream().anyMatch(String::isBlank)) {
      throw s.invalid(
          "pad", "the four special tokens must be distinct and non-empty, were " + tokens);
    }
    s.finish();
    return c;
  }

  /** The token of {@code role}. */
  public String token(String role) {
    return switch (role) {
      case "pad" -> pad;
      case "unk" -> unk;
      case "bos" -> bos;
      case "eos" -> eos;
      default -> throw new IllegalArgumentException("unknown role " + role);
    };
  }
}
