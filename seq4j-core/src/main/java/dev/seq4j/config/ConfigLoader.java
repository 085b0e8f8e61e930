package dev.seq4j.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads a YAML file onto a record, applying {@code --set path=value} overrides first. The caller
 * passes the reader of its top-level record (e.g. {@code TranslationConfig::read}), so this class
 * knows no task. Errors name the file and line (or the override) and the key.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /**
   * Loads {@code file} with {@code overrides} of the form {@code a.b=value} through {@code reader},
   * which reads the top-level section.
   */
  public static <T> T load(Path file, List<String> overrides, Function<Section, T> reader) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such file");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage());
    }
    return parse(text, file.toString(), overrides, reader);
  }

  /** Parses YAML {@code text} through {@code reader}; {@code source} names it in error messages. */
  public static <T> T parse(
      String text, String source, List<String> overrides, Function<Section, T> reader) {
    Origins origins = new Origins(source);
    Node root;
    try {
      root = yaml().compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new ConfigException(source + ":" + line + ": invalid YAML: " + e.getProblem());
    }
    if (root == null) {
      root = new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
    }
    if (!(root instanceof MappingNode)) {
      throw origins.error(root, null, "the top level must be a mapping of sections");
    }
    for (String override : overrides) {
      apply((MappingNode) root, override, origins);
    }
    return reader.apply(new Section("", root, origins));
  }

  private static void apply(MappingNode root, String override, Origins origins) {
    int eq = override.indexOf('=');
    if (eq <= 0) {
      throw new ConfigException("--set " + override + ": expected key=value, e.g. train.epochs=5");
    }
    String[] path = override.substring(0, eq).trim().split("\\.");
    Node value;
    try {
      value = yaml().compose(new StringReader(override.substring(eq + 1)));
    } catch (MarkedYAMLException e) {
      throw new ConfigException("--set " + override + ": invalid value: " + e.getProblem());
    }
    if (value == null) {
      value = new ScalarNode(Tag.NULL, "null", null, null, DumperOptions.ScalarStyle.PLAIN);
    }
    markAll(value, override, origins);
    MappingNode current = root;
    for (int i = 0; i < path.length; i++) {
      ScalarNode key = find(current, path[i]);
      if (i == path.length - 1) {
        if (key == null) {
          key = new ScalarNode(Tag.STR, path[i], null, null, DumperOptions.ScalarStyle.PLAIN);
          origins.markOverride(key, override);
          current.getValue().add(new NodeTuple(key, value));
        } else {
          replace(current, key, value);
        }
        return;
      }
      Node next = key == null ? null : valueOf(current, key);
      if (!(next instanceof MappingNode)) {
        MappingNode created =
            new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
        origins.markOverride(created, override);
        if (key == null) {
          key = new ScalarNode(Tag.STR, path[i], null, null, DumperOptions.ScalarStyle.PLAIN);
          origins.markOverride(key, override);
          current.getValue().add(new NodeTuple(key, created));
        } else {
          replace(current, key, created);
        }
        next = created;
      }
      current = (MappingNode) next;
    }
  }

  private static void markAll(Node node, String override, Origins origins) {
    origins.markOverride(node, override);
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        markAll(t.getKeyNode(), override, origins);
        markAll(t.getValueNode(), override, origins);
      }
    }
  }

  private static ScalarNode find(MappingNode map, String key) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return k;
      }
    }
    return null;
  }

  private static Node valueOf(MappingNode map, ScalarNode key) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() == key) {
        return t.getValueNode();
      }
    }
    return null;
  }

  private static void replace(MappingNode map, ScalarNode key, Node value) {
    List<NodeTuple> tuples = map.getValue();
    for (int i = 0; i < tuples.size(); i++) {
      if (tuples.get(i).getKeyNode() == key) {
        tuples.set(i, new NodeTuple(key, value));
      }
    }
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // reported by Section with a line number
    options.setMaxAliasesForCollections(10);
    options.setNestingDepthLimit(20);
    return new Yaml(
        new SafeConstructor(options),
        new Representer(new org.yaml.snakeyaml.DumperOptions()),
        new org.yaml.snakeyaml.DumperOptions(),
        options);
  }
}
