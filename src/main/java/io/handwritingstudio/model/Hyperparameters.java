package io.handwritingstudio.model;

import java.util.Map;

/**
 * What a network is built and trained with.
 *
 * @param learningRate initial learning rate
 * @param lrDecayPerEpoch learning rate multiplier applied smoothly over each epoch (1 = constant)
 * @param optimizer an {@link Optimizer} id
 */
public record Hyperparameters(Architecture architecture, int epochs, int batchSize, double learningRate,
                              double lrDecayPerEpoch, String optimizer, long seed, boolean augment, int trainLimit) {

    public Hyperparameters {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1");
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1");
        if (!(learningRate > 0) || learningRate > 10) throw new IllegalArgumentException("learning rate must be in (0, 10]");
        if (!(lrDecayPerEpoch > 0) || lrDecayPerEpoch > 1) throw new IllegalArgumentException("lr decay must be in (0, 1]");
        Optimizer.of(optimizer); // refuses an unknown one in words
    }

    /** Sensible defaults per architecture. */
    public static Hyperparameters defaults(Architecture architecture) {
        return architecture == Architecture.STRONG
                ? new Hyperparameters(architecture, 12, 64, 2e-3, 0.75, Optimizer.ADAM.id(), 42, true, 0)
                : new Hyperparameters(architecture, 5, 64, 1e-3, 1.0, Optimizer.ADAM.id(), 42, false, 0);
    }

    /**
     * What a card says the model was trained with, each missing value taken from {@code fallback}: a resumed run
     * continues with its own settings, not with the defaults.
     */
    public static Hyperparameters fromCard(ModelCard card, Hyperparameters fallback) {
        return fromCard(card, Map.of(), fallback);
    }

    /** As {@link #fromCard(ModelCard, Hyperparameters)}, with {@code overrides} (by the card's keys) in place of the card's. */
    public static Hyperparameters fromCard(ModelCard card, Map<String, Object> overrides, Hyperparameters fallback) {
        Map<String, Object> h = new java.util.HashMap<>(card.hyperparameters() == null ? Map.of() : card.hyperparameters());
        h.putAll(overrides);
        return new Hyperparameters(fallback.architecture(),
                number(h.get("epochs"), fallback.epochs()).intValue(),
                number(h.get("batchSize"), fallback.batchSize()).intValue(),
                number(h.get("learningRate"), fallback.learningRate()).doubleValue(),
                number(h.get("lrDecayPerEpoch"), fallback.lrDecayPerEpoch()).doubleValue(),
                h.get("optimizer") instanceof String o ? o : fallback.optimizer(),
                h.get("seed") instanceof Number s ? s.longValue() : card.seed() != null ? card.seed() : fallback.seed(),
                h.get("augment") instanceof Boolean a ? a : fallback.augment(),
                number(h.get("trainLimit"), fallback.trainLimit()).intValue());
    }

    private static Number number(Object value, Number fallback) {
        return value instanceof Number n ? n : fallback;
    }
}
