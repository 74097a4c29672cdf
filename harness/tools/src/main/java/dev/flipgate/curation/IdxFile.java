package dev.flipgate.curation;

import dev.flipgate.failure.Problem;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * An IDX file as MNIST ships it (gzip-compressed): a big-endian magic number whose last byte is
 * the number of dimensions, the dimension sizes, then unsigned bytes in row-major order.
 */
record IdxFile(int[] dimensions, byte[] data) {

  static IdxFile read(Path file, int expectedMagic) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
      int magic = in.readInt();
      if (magic != expectedMagic) {
        throw Problem.at(file).expected(String.format("IDX magic 0x%08x", expectedMagic))
            .found(String.format("0x%08x", magic)).whatToDo("pass the MNIST t10k files, gzip-compressed")
            .configurationError("not the expected IDX file");
      }
      int[] dimensions = new int[magic & 0xff];
      long size = 1;
      for (int i = 0; i < dimensions.length; i++) {
        dimensions[i] = in.readInt();
        size *= dimensions[i];
      }
      byte[] data = new byte[Math.toIntExact(size)];
      in.readFully(data);
      return new IdxFile(dimensions, data);
    }
  }

  int unsigned(int index) {
    return data[index] & 0xff;
  }
}
