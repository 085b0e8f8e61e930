/**
 * The names task, over the character models of {@code model.charrnn}: a classifier (surname →
 * nationality) and a generator (a character language model over {@code <BEGIN> name <END>},
 * optionally conditioned on the nationality). Here lives only what is specific to it: its YAML
 * ({@code NamesConfig}, {@code task: classify} or {@code generate}), the data of a run and its
 * split ({@code NamesData}), batches ({@code NameBatch}), the saved model ({@code NamesBundle}),
 * the two training tasks ({@code ClassifierTask}, {@code GeneratorTask}), the test-split reports
 * ({@code NamesTestReport}), classifying and sampling a trained model ({@code Classify}, {@code
 * NameSampler}) and a whole run ({@code NamesExperiment}), which trains through the generic {@code
 * train.Trainer} in a {@code train.RunDirectory}.
 */
package dev.seq4j.names;
