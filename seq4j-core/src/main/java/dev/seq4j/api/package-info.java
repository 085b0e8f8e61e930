/**
 * The public Java API of seq4j: train, load, translate, classify, generate and evaluate from an
 * application. Everything outside this package is internal and may change between versions.
 *
 * <ul>
 *   <li>{@link dev.seq4j.api.Training} trains from an experiment YAML file or a configuration
 *       record, reporting to a {@link dev.seq4j.api.TrainingListener}, and returns a {@link
 *       dev.seq4j.api.TrainingResult}.
 *   <li>{@link dev.seq4j.api.TranslationModel} loads a translation model from a run or checkpoint
 *       directory; it translates lists, streams and iterators with typed {@link
 *       dev.seq4j.api.DecodeOptions} into {@link dev.seq4j.api.Translation}s (text, score, n-best
 *       list, finish reason, attention on request) and scores itself ({@link
 *       dev.seq4j.api.Evaluation}: BLEU, chrF, exact match).
 *   <li>{@link dev.seq4j.api.NamesModel} loads a names classifier or generator.
 * </ul>
 *
 * <p>Models hold native (libtorch) memory: close them, best with try-with-resources. Models are
 * safe to share between threads: each serializes its calls with an internal lock (load one model
 * per thread for parallel throughput). Set {@code -Dai.djl.offline=true} to keep DJL from looking
 * for engine downloads.
 *
 * <p>A complete program (the reverse task: a model learns to reverse a sequence of letters; about
 * 15 seconds on two cores; {@code examples/embed/} holds it as a Maven project):
 *
 * <pre>{@code
 * import dev.seq4j.api.*;
 * import java.nio.file.*;
 * import java.util.*;
 *
 * public class Reverse {
 *   public static void main(String[] args) throws Exception {
 *     Path dir = Files.createTempDirectory("reverse");
 *     Random random = new Random(1);
 *     List<String> src = new ArrayList<>(), trg = new ArrayList<>();
 *     for (int i = 0; i < 2000; i++) {
 *       List<String> letters = new ArrayList<>();
 *       for (int n = 2 + random.nextInt(5); n > 0; n--) {
 *         letters.add(String.valueOf((char) ('a' + random.nextInt(6))));
 *       }
 *       src.add(String.join(" ", letters));
 *       Collections.reverse(letters);
 *       trg.add(String.join(" ", letters));
 *     }
 *     Files.write(dir.resolve("train.src"), src.subList(0, 1800));
 *     Files.write(dir.resolve("train.trg"), trg.subList(0, 1800));
 *     Files.write(dir.resolve("valid.src"), src.subList(1800, 2000));
 *     Files.write(dir.resolve("valid.trg"), trg.subList(1800, 2000));
 *     Files.writeString(dir.resolve("reverse.yaml"),
 *         "data: {train: '" + dir.resolve("train") + "', valid: '" + dir.resolve("valid")
 *             + "', src: src, trg: trg}\n"
 *             + "model: {type: rnn, cell: gru, embedding: 32, hidden: 64, attention: dot}\n"
 *             + "train: {epochs: 6, batchSize: 32, learningRate: 0.01}\n");
 *     TrainingResult result = Training.train(dir.resolve("reverse.yaml"), List.of(),
 *         dir.resolve("run"), new TrainingListener() {
 *           public void onEvaluation(Map<String, Object> row) { System.out.println(row); }
 *         });
 *     try (TranslationModel model = TranslationModel.load(result.runDir())) {
 *       DecodeOptions beam = DecodeOptions.builder().beam(4).nBest(2).build();
 *       for (Translation t : model.translate(List.of("a b c d", "f e d"), beam)) {
 *         System.out.println(t.text() + "  " + t.candidates());
 *       }
 *     }
 *   }
 * }
 * }</pre>
 *
 * Data paths in an experiment YAML are read relative to the working directory: give absolute paths
 * when the program may run elsewhere.
 */
package dev.seq4j.api;
