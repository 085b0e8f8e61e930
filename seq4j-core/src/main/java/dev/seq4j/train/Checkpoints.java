package dev.seq4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seq4j.train.optim.LearningRateSchedule;
import dev.seq4j.train.optim.Optimizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of a training checkpoint, written from and restored into the trainer's model,
 * optimizer, schedule and counters: the model bundle (config, vocabularies, parameters), {@code
 * optimizer.state} (named arrays) and {@code trainer.json} (counters, schedule, optimizer steps).
 */
record Checkpoints(
    SavedModel bundle, Optimizer optimizer, LearningRateSchedule schedule, TrainState state) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Saves this checkpoint into {@code store} as {@code name} after checking that every parameter
   * and optimizer array is finite: nothing non-finite is ever written.
   *
   * @throws TrainingException naming the first non-finite array; the previous checkpoint {@code
   *     name} stays as it was
   */
  void save(CheckpointStore store, String name) throws IOException {
    requireFinite(name);
    store.save(name, this::write);
  }

  /**
   * Checks that checkpoint {@code name} could be saved now.
   *
   * @throws TrainingException naming the first parameter or optimizer array that is not finite
   */
  void requireFinite(String name) {
    requireFinite(name, "parameter", bundle.parameters().asMap());
    requireFinite(name, "optimizer state", optimizer.state());
  }

  private static void requireFinite(String name, String kind, Map<String, NDArray> arrays) {
    for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
      NDArray a = e.getValue();
      long bad;
      try (NDManager scope = a.getManager().newSubManager()) {
        NDArray copy = a.duplicate();
        copy.attach(scope);
        bad = copy.isNaN().logicalOr(copy.isInfinite()).countNonzero().getLong();
      }
      if (bad > 0) {
        throw new TrainingException(
            String.format(
                "not saving checkpoint %s: %s '%s' holds %d non-finite values (NaN or infinite)"
                    + " of %d; the previous %s/ stays as it was",
                name, kind, e.getKey(), bad, a.size(), name));
      }
    }
  }

  /** Writes everything a resume needs into {@code dir}. */
  void write(Path dir) throws IOException {
    bundle.save(dir);
    NDList list = new NDList();
    for (Map.Entry<String, NDArray> e : new TreeMap<>(optimizer.state()).entrySet()) {
      NDArray copy = e.getValue().duplicate();
      copy.setName(e.getKey());
      list.add(copy);
    }
    Files.write(dir.resolve("optimizer.state"), list.encode());
    list.close();
    Map<String, Object> trainer = new LinkedHashMap<>(state.toMap());
    trainer.put("schedule", schedule.state());
    trainer.putAll(optimizer.counters());
    Files.writeString(
        dir.resolve("trainer.json"),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(trainer));
  }

  /** Restores the model, optimizer, schedule and counters from checkpoint {@code dir}. */
  void restore(Path dir) throws IOException {
    bundle.parameters().load(RunDirectory.weightsFile(dir));
    NDManager owner = bundle.parameters().manager();
    NDList list = NDList.decode(owner, Files.readAllBytes(dir.resolve("optimizer.state")));
    Map<String, NDArray> s = new LinkedHashMap<>();
    for (NDArray a : list) {
      s.put(a.getName(), a);
    }
    optimizer.loadState(s);
    Map<String, Object> trainer =
        JSON.readValue(
            dir.resolve("trainer.json").toFile(), new TypeReference<Map<String, Object>>() {});
    state.load(trainer);
    @SuppressWarnings("unchecked")
    Map<String, Object> sched = (Map<String, Object>) trainer.get("schedule");
    Map<String, Double> d = new LinkedHashMap<>();
    // Jackson writes NaN as the string "NaN"
    sched.forEach(
        (k, v) ->
            d.put(
                k,
                v instanceof Number n
                    ? n.doubleValue()
                    : v == null ? Double.NaN : Double.parseDouble(v.toString())));
    schedule.loadState(d);
    optimizer.loadCounters(trainer);
  }
}
