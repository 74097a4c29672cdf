package dev.flipgate.run;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * A gate run's id: the UTC second it started, a name, and four random hex digits. The tail keeps
 * two runs of one suite started in the same second apart (the ledger keys runs by id).
 */
public final class RunIds {
  private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunIds() {}

  /** @param name what the run gated, already fit for a file name */
  public static String next(Instant started, String name) {
    return SECOND.format(started) + "-" + name + "-" + HexFormat.of().toHexDigits((short) RANDOM.nextInt());
  }
}
