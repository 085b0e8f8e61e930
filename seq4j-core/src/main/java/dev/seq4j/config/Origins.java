package dev.seq4j.config;

import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/** Where each node came from: a line of the file, or a {@code --set} override. */
final class Origins {
  private final String file;
  private final Map<Node, String> overrides = new IdentityHashMap<>();

  Origins(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  void markOverride(Node node, String override) {
    overrides.put(node, "--set " + override);
  }

  String where(Node node) {
    String o = node == null ? null : overrides.get(node);
    if (o != null) {
      return o;
    }
    if (node == null || node.getStartMark() == null) {
      return file;
    }
    return file + ":" + (node.getStartMark().getLine() + 1);
  }

  ConfigException error(Node node, String key, String problem) {
    return new ConfigException(where(node) + ": " + (key == null ? "" : key + ": ") + problem);
  }

  ConfigException missing(Node parent, String key) {
    return new ConfigException(file + ": " + key + ": required");
  }
}
