package dev.seq4j.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seq4j.model.charrnn.NameGenerator;
import dev.seq4j.names.Classify;
import dev.seq4j.names.NameSampler;
import dev.seq4j.names.NamesBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The endpoints of a character-level names model: {@code POST /v1/classify} ({@code {"name": …}} or
 * {@code {"names": [...]}}, optional {@code top}) for a classifier, {@code POST /v1/generate}
 * ({@code count}, {@code nationality}, {@code temperature}, {@code seed}, {@code maxLength}) for a
 * generator. Requests run one at a time: they are small, and the model is shared.
 */
final class NamesApi {
  private static final int MAX_COUNT = 100;
  private static final int MAX_NAME_LENGTH = 64;

  private final NamesBundle bundle;
  private final ObjectMapper json;
  private final ServeOptions limits;

  NamesApi(NamesBundle bundle, ObjectMapper json, ServeOptions limits) {
    this.bundle = bundle;
    this.json = json;
    this.limits = limits;
  }

  boolean generator() {
    return bundle.model() instanceof NameGenerator;
  }

  /** What {@code GET /v1/model} says about the names model. */
  void describe(ObjectNode o) {
    o.put("name", bundle.config().name());
    o.put("task", bundle.config().task().name().toLowerCase(Locale.ROOT));
    o.put("parameters", bundle.parameters().count());
    o.put("characters", bundle.chars().size());
    bundle.labels().forEach(o.putArray("labels")::add);
    o.put("attention", false);
  }

  /** One classification or sample, so that {@code /health} reports a model that answers. */
  void warmUp() {
    if (generator()) {
      NameSampler.sample(bundle, conditioned() ? 0 : -1, 1, 1.0, 0, 10);
    } else {
      Classify.top(bundle, List.of("warm"), 1);
    }
  }

  private boolean conditioned() {
    return bundle.model() instanceof NameGenerator g && g.conditioned();
  }

  ObjectNode classify(String body) {
    if (generator()) {
      throw new ApiException(404, "this model generates names: use POST /v1/generate", null);
    }
    JsonNode root = JsonBody.object(json, body, Set.of("name", "names", "top"));
    List<String> names = new ArrayList<>();
    boolean one = root.has("name");
    if (one == root.has("names")) {
      throw new ApiException(
          422,
          "give exactly one of \"name\" (a string) or \"names\" (a list)",
          one ? "names" : "name");
    }
    if (one) {
      names.add(name(root.get("name"), "name"));
    } else {
      JsonNode list = root.get("names");
      if (!list.isArray() || list.isEmpty() || list.size() > limits.maxTexts()) {
        throw new ApiException(
            422, "names must be a list of 1 to " + limits.maxTexts() + " strings", "names");
      }
      for (int i = 0; i < list.size(); i++) {
        names.add(name(list.get(i), "names[" + i + "]"));
      }
    }
    int top = JsonBody.integer(root, "top", 1, bundle.labels().size(), 3);
    List<List<Classify.Scored>> scored;
    synchronized (bundle) {
      scored = Classify.top(bundle, names, top);
    }
    ObjectNode out = json.createObjectNode();
    ArrayNode results = out.putArray("results");
    for (int i = 0; i < names.size(); i++) {
      ObjectNode r = results.addObject().put("name", names.get(i));
      ArrayNode labels = r.putArray("top");
      scored
          .get(i)
          .forEach(
              s -> labels.addObject().put("label", s.label()).put("probability", s.probability()));
    }
    return out;
  }

  ObjectNode generate(String body) {
    if (!generator()) {
      throw new ApiException(404, "this model classifies names: use POST /v1/classify", null);
    }
    JsonNode root =
        JsonBody.object(
            json, body, Set.of("count", "nationality", "temperature", "seed", "maxLength"));
    int count = JsonBody.integer(root, "count", 1, MAX_COUNT, 10);
    int maxLength = JsonBody.integer(root, "maxLength", 1, MAX_NAME_LENGTH, 20);
    double temperature = 1.0;
    if (root.has("temperature")) {
      JsonNode t = root.get("temperature");
      if (!t.isNumber() || !(t.doubleValue() >= 0 && t.doubleValue() <= 10)) {
        throw new ApiException(422, "temperature must be a number in [0, 10]", "temperature");
      }
      temperature = t.doubleValue();
    }
    long seed = System.nanoTime();
    if (root.has("seed")) {
      if (!root.get("seed").isIntegralNumber() || !root.get("seed").canConvertToLong()) {
        throw new ApiException(422, "seed must be an integer", "seed");
      }
      seed = root.get("seed").longValue();
    }
    int label = -1;
    if (root.has("nationality")) {
      if (!conditioned()) {
        throw new ApiException(
            422,
            "this model was trained without nationalities: leave nationality out",
            "nationality");
      }
      String n = root.get("nationality").isTextual() ? root.get("nationality").textValue() : null;
      if (n == null || !bundle.labels().contains(n)) {
        throw new ApiException(
            422, "nationality must be one of " + String.join(", ", bundle.labels()), "nationality");
      }
      label = bundle.labelId(n);
    } else if (conditioned()) {
      throw new ApiException(
          422,
          "this model is conditioned: nationality must be one of "
              + String.join(", ", bundle.labels()),
          "nationality");
    }
    List<String> names;
    synchronized (bundle) {
      names = NameSampler.sample(bundle, label, count, temperature, seed, maxLength);
    }
    ObjectNode out = json.createObjectNode();
    names.forEach(out.putArray("names")::add);
    return out;
  }

  private static String name(JsonNode v, String field) {
    if (!v.isTextual() || v.textValue().isBlank()) {
      throw new ApiException(422, field + " must be a non-empty string", field);
    }
    if (v.textValue().length() > MAX_NAME_LENGTH) {
      throw new ApiException(
          422, field + " is longer than " + MAX_NAME_LENGTH + " characters", field);
    }
    return v.textValue();
  }
}
