package dev.flipgate.ledger;

import java.util.List;
import java.util.Map;

/**
 * A suite's promoted versions on one golden set, oldest first: {@code models[0]} is the model the
 * oldest promotion replaced (its run id and NFR are null), then each promoted candidate. Each
 * slice maps to one headline-metric value per model (null where a version lacked the slice).
 */
public record PromotionLine(List<String> models, List<String> runIds, List<Double> negativeFlipRates,
    Map<String, List<Double>> slices, int promotionsOnOtherVersions) {}
