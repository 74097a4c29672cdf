package dev.flipgate.gate;

import java.util.Arrays;

/**
 * What a threshold rule compares with its {@code max}: the measured value, or an end of its
 * confidence interval (at the suite's evidence level).
 * <ul>
 *   <li>{@code estimate} (the default): the measured value itself.
 *   <li>{@code upper-bound}: the worst value the data allows; the candidate must show it is
 *       within the threshold, so a small slice blocks unless its evidence is strong.
 *   <li>{@code lower-bound}: the best value the data allows; the candidate is blocked only when
 *       the data shows the threshold is exceeded, so noise alone never blocks.
 * </ul>
 */
public enum Judgement {
  ESTIMATE("estimate"),
  UPPER_BOUND("upper-bound"),
  LOWER_BOUND("lower-bound");

  private final String id;

  Judgement(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  static Judgement of(String id, RuleLocation location) {
    if (id == null) {
      return ESTIMATE;
    }
    return Arrays.stream(values()).filter(j -> j.id.equals(id)).findFirst().orElseThrow(() -> location.problem()
        .expected("judge: estimate, upper-bound or lower-bound").found("'" + id + "'").whatToDo("fix judge")
        .configurationError("unknown judgement"));
  }

  static Judgement parse(String id) {
    return id == null ? ESTIMATE : Arrays.stream(values()).filter(j -> j.id.equals(id)).findFirst().orElseThrow();
  }

  /** The value judged: the estimate or an end of [low, high]. */
  double pick(double estimate, double low, double high) {
    return switch (this) {
      case ESTIMATE -> estimate;
      case UPPER_BOUND -> high;
      case LOWER_BOUND -> low;
    };
  }
}
