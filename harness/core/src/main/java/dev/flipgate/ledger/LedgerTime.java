package dev.flipgate.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The ledger's form of an instant: ISO-8601 UTC with all nine fraction digits, so that the text
 * sorts as the time does. {@link Instant#toString} drops trailing zero digits ("…:00Z" beside
 * "…:00.500Z"), and ORDER BY over such text puts a later run of the same second first.
 */
final class LedgerTime {
  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private LedgerTime() {}

  /** {@code isoInstant} (any ISO instant, as result.json and the clock write them) in the ledger's form. */
  static String sortable(String isoInstant) {
    return SORTABLE.format(Instant.parse(isoInstant));
  }
}
