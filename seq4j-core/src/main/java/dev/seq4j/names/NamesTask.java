package dev.seq4j.names;

import dev.seq4j.train.SavedModel;
import dev.seq4j.train.TrainingTask;
import java.util.List;

/** What training a names model shares: the bundle, its splits and length-bucketed batches. */
abstract sealed class NamesTask implements TrainingTask<NameBatch>
    permits ClassifierTask, GeneratorTask {
  final NamesBundle bundle;
  final List<NameBatch.Encoded> train;
  final List<NameBatch.Encoded> valid;

  NamesTask(NamesBundle bundle, List<NameBatch.Encoded> train, List<NameBatch.Encoded> valid) {
    this.bundle = bundle;
    this.train = train;
    this.valid = valid;
  }

  @Override
  public SavedModel model() {
    return bundle;
  }

  @Override
  public List<NameBatch> batches(long shuffleSeed) {
    return NameBatch.plan(
        train, bundle.config().train().batchSize(), bundle.config().train().shuffle(), shuffleSeed);
  }
}
