package dev.seq4j.api;

import java.util.List;

/**
 * A model's figures on parallel data ({@link TranslationModel#evaluate}); NaN everywhere for no
 * sentences.
 *
 * @param sentences how many (source, reference) pairs were scored
 * @param bleu corpus BLEU, 0 to 100 (sacreBLEU's defaults: 13a tokenization, "exp" smoothing)
 * @param chrf corpus chrF, 0 to 100 (character n-grams of orders 1 to 6, β = 2)
 * @param exactMatch share of outputs equal to their reference, 0 to 1
 * @param tokenAccuracy share of reference tokens the model predicts given the reference prefix
 * @param perplexity exp of the mean teacher-forced cross-entropy per reference token
 * @param hypotheses the model's outputs, in input order
 */
public record Evaluation(
    int sentences,
    double bleu,
    double chrf,
    double exactMatch,
    double tokenAccuracy,
    double perplexity,
    List<String> hypotheses) {}
