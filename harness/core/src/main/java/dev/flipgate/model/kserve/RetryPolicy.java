package dev.flipgate.model.kserve;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to ask a server again: up to {@code maxAttempts} in all, waiting an exponentially growing,
 * jittered delay ("full jitter": uniform between half and all of {@code initial × 2^retry},
 * capped at {@code max}) so that many clients retrying at once do not hit the server in step. A
 * server's {@code Retry-After} is honoured when it asks for longer.
 */
record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  /** The wait before retry number {@code retry} (1 for the first retry). */
  Duration delay(int retry, Optional<Duration> retryAfter, RandomGenerator random) {
    double ceiling = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() * Math.pow(2, retry - 1));
    long jittered = Math.round(ceiling * (0.5 + 0.5 * random.nextDouble()));
    Duration backoff = Duration.ofMillis(jittered);
    return retryAfter.filter(asked -> asked.compareTo(backoff) > 0).orElse(backoff);
  }

  /**
   * A {@code Retry-After} header: delay-seconds (RFC 9110; the HTTP-date form is rare for 429
   * and read as no advice). At most a minute is honoured, so a server cannot stall the gate.
   */
  static Optional<Duration> retryAfter(Optional<String> header) {
    return header.map(String::trim).filter(v -> v.matches("\\d{1,6}"))
        .map(v -> Duration.ofSeconds(Math.min(60, Long.parseLong(v))));
  }
}
