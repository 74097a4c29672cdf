package dev.flipgate.comparison;

import dev.flipgate.statistics.Interval;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A rate such as the negative flip rate, with its Clopper–Pearson interval and one-sided upper
 * bound at the same level: with that confidence the true rate is no higher than the bound.
 */
public record RateEvidence(OptionalDouble value, Optional<Interval> ci, OptionalDouble upperBound) {}
