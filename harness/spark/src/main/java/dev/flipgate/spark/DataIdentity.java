package dev.flipgate.spark;

import dev.flipgate.failure.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * The SHA-256 of a data set Spark reads, hashed on the executors where the bytes are (so a
 * golden set of a terabyte is not pulled through the driver). A single file's identity is the
 * SHA-256 of its bytes, the same as the local engine's; a directory of part files is the SHA-256
 * over each part's relative name and hash, one {@code name sha256} line each in name order.
 *
 * @param name the last segment of the path (the file or directory name)
 */
public record DataIdentity(String name, String sha256, long sizeBytes) {

  public static DataIdentity of(SparkSession spark, String path) {
    var context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Tuple2<String, String>> hashed;
    try {
      // binaryFiles lists like Spark's readers (hidden and _-prefixed files left out) and streams
      // each file from its own task: nothing is held whole in memory.
      hashed = context.binaryFiles(path).mapValues(stream -> {
        try (InputStream in = stream.open()) {
          return hexSha256(in);
        }
      }).collect();
    } catch (RuntimeException e) {
      throw Problem.at(path).whatToDo("check the path and that this Spark can read it")
          .configurationError("cannot read the data: " + e.getMessage());
    }
    if (hashed.isEmpty()) {
      throw Problem.at(path).expected("a Parquet file, or a directory of them").found("no file")
          .whatToDo("check the path").configurationError("no data");
    }
    String trimmed = path.replaceAll("/+$", "");
    String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    long size = sizeOf(spark, path);
    if (hashed.size() == 1 && hashed.get(0)._1().replaceAll("/+$", "").endsWith("/" + name)) {
      return new DataIdentity(name, hashed.get(0)._2(), size);
    }
    Map<String, String> parts = new TreeMap<>();
    String root = qualifiedRoot(hashed, name);
    hashed.forEach(part -> parts.put(part._1().substring(root.length()), part._2()));
    var text = new StringBuilder();
    parts.forEach((part, sha256) -> text.append(part).append(' ').append(sha256).append('\n'));
    return new DataIdentity(name, dev.flipgate.io.Sha256.ofBytes(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        size);
  }

  /** The qualified directory the parts are under: everything up to and including "/name/". */
  private static String qualifiedRoot(List<Tuple2<String, String>> hashed, String name) {
    String first = hashed.get(0)._1();
    int at = first.indexOf("/" + name + "/");
    return at < 0 ? "" : first.substring(0, at + name.length() + 2);
  }

  private static long sizeOf(SparkSession spark, String path) {
    try {
      var hadoopPath = new org.apache.hadoop.fs.Path(path);
      var fs = hadoopPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.getContentSummary(hadoopPath).getLength();
    } catch (IOException e) {
      throw Problem.at(path).whatToDo("check the path and that this Spark can read it")
          .configurationError("cannot read the data's size: " + e.getMessage());
    }
  }

  private static String hexSha256(InputStream in) throws IOException {
    MessageDigest digest = dev.flipgate.io.Sha256.newDigest();
    byte[] buffer = new byte[1 << 16];
    for (int read; (read = in.read(buffer)) > 0; ) {
      digest.update(buffer, 0, read);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
