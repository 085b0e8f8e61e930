/**
 * Gradient flow through time, as an experiment anyone can run ({@code seq4j gradients}): why an
 * Elman RNN forgets what it read long ago and an LSTM or GRU does not. {@link
 * dev.seq4j.gradflow.GradientFlow} measures ‖∂L/∂h_t‖ for every step t of one recurrent layer with
 * the loss taken at the last step; {@link dev.seq4j.gradflow.CopyTask} is the task whose answer
 * depends on the first symbol only, trained and scored here (optionally with a keep-gate bias or a
 * curriculum over lengths), so the same cell can be measured at initialisation and after training;
 * {@link dev.seq4j.gradflow.EncoderGradients} measures the same on the encoder of a trained
 * recurrent translation model, through {@link dev.seq4j.model.rnn.StateProbe}. A task package: it
 * uses {@code model} and {@code train.optim} and nothing uses it but the CLI.
 *
 * <p>Checklist, a new measurement: a static method on {@code GradientFlow} that takes the cell and
 * returns Java arrays (no NDArray leaves this package), a closed-form test in {@code
 * GradientFlowTest}, a column in the command's {@code gradient-flow.csv}.
 */
package dev.seq4j.gradflow;
