package dev.flipgate.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * The one CSV dialect Flipgate reads: RFC 4180 with a header row whose names are unique (a column
 * named twice would let one silently shadow the other), surrounding spaces ignored.
 */
public final class StrictCsv {
  public static final CSVFormat HEADED = CSVFormat.DEFAULT.builder()
      .setHeader()
      .setSkipHeaderRecord(true)
      .setIgnoreSurroundingSpaces(true)
      .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
      .get();

  private StrictCsv() {}
}
