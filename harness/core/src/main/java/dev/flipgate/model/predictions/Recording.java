package dev.flipgate.model.predictions;

import dev.flipgate.model.ModelIdentity;

/**
 * The first line of a recording ({@code flipgate record}): which model answered, by identity,
 * and against which golden set, by sha256. The lines after it are predictions as in a JSON-lines
 * predictions file: {@code {"id", "prediction", "scores"}}.
 */
public record Recording(int flipgateRecording, ModelIdentity model, GoldenSetRef goldenSet, String recordedAt,
    String harnessVersion, String suite) {
  public static final int FORMAT = 1;

  public record GoldenSetRef(String name, String version, String sha256) {}
}
