/**
 * Attention (Bahdanau et al. 2015; Luong et al. 2015): score functions behind {@link
 * dev.seq4j.model.attention.AttentionScore}, the masked softmax and the weighted sum in {@link
 * dev.seq4j.model.attention.Attention}. Shapes: queries (B, T, Hq) (T = 1 for one decoder step),
 * keys and values (B, S, Hk), scores and weights (B, T, S), context (B, T, Hk).
 */
package dev.seq4j.model.attention;
