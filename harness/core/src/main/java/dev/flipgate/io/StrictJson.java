package dev.flipgate.io;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON reader for every file and answer Flipgate reads: a key given twice is an error (the
 * last one would otherwise win unseen). {@code NaN} is let through the parser only so that the
 * checks after it can refuse it with the example it belongs to.
 */
public final class StrictJson {
  public static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  private StrictJson() {}
}
