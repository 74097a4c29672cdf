package dev.flipgate.comparison;

import dev.flipgate.statistics.Interval;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A metric delta (candidate − deployed) with its bootstrap interval and, where an exact test
 * applies (accuracy: McNemar), the one-sided p-value for "the candidate is worse".
 */
public record MetricEvidence(OptionalDouble delta, Optional<Interval> ci, OptionalDouble pValue, Optional<String> test) {}
