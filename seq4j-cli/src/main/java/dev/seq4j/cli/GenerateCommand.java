package dev.seq4j.cli;

import dev.seq4j.engine.Engines;
import dev.seq4j.model.charrnn.NameGenerator;
import dev.seq4j.names.NameSampler;
import dev.seq4j.names.NamesBundle;
import dev.seq4j.names.NamesExperiment;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seq4j generate}. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Write new names with a trained generator (task: generate), one a line. Each character"
            + " is drawn from softmax(logits / T): T near 0 is greedy, large T flattens the"
            + " distribution.",
    footer = {
      "%nExamples:",
      "  ./seq4j generate --model runs/names-gen --nationality Korean --count 10 --temperature 0.8",
      "  ./seq4j generate --model runs/names-gen-plain --count 5 --seed 7"
    })
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, description = "run or checkpoint directory")
  Path model;

  @Option(
      names = "--nationality",
      description = "the label to condition on (required by a conditioned model)")
  String nationality;

  @Option(names = "--count", defaultValue = "10", description = "names to write (default: 10)")
  int count;

  @Option(
      names = "--temperature",
      defaultValue = "1.0",
      description = "sampling temperature T >= 0 (default: ${DEFAULT-VALUE}; 0: greedy)")
  double temperature;

  @Option(names = "--seed", defaultValue = "42", description = "seeds the draws (default: 42)")
  long seed;

  @Option(
      names = "--max-length",
      defaultValue = "" + NamesExperiment.MAX_NAME_LENGTH,
      description = "the most characters a name may have (default: ${DEFAULT-VALUE})")
  int maxLength;

  @Option(names = "--output", description = "output file (default: standard output)")
  Path output;

  @Override
  public Integer call() throws Exception {
    if (count < 1) {
      throw new IllegalArgumentException("--count must be >= 1, was " + count);
    }
    if (!(temperature >= 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("--temperature must be >= 0, was " + temperature);
    }
    if (maxLength < 1) {
      throw new IllegalArgumentException("--max-length must be >= 1, was " + maxLength);
    }
    Engines.start();
    try (NamesBundle bundle = NamesBundle.load(model)) {
      if (!(bundle.model() instanceof NameGenerator g)) {
        throw new IllegalArgumentException(
            model + ": a classifier (task classify): use seq4j classify");
      }
      int label = -1;
      if (nationality != null) {
        if (!g.conditioned()) {
          throw new IllegalArgumentException(
              "--nationality: this model was trained without nationalities"
                  + " (model.conditioned: false)");
        }
        label = bundle.labelId(nationality);
      } else if (g.conditioned()) {
        throw new IllegalArgumentException(
            "--nationality is required: this model is conditioned on one of "
                + String.join(", ", bundle.labels()));
      }
      List<String> out = NameSampler.sample(bundle, label, count, temperature, seed, maxLength);
      LineOutput.write(
          output,
          w -> {
            for (String name : out) {
              w.write(name);
              w.write('\n');
            }
          });
    }
    return 0;
  }
}
