package dev.flipgate.goldenset;

import dev.flipgate.declaration.YamlDeclarationReader;
import dev.flipgate.failure.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A golden set's lock ({@value #FILE} beside its manifest, written by {@code flipgate lock}): the
 * version it was locked at and the sha256 of each data file the manifest names. A golden set whose
 * data changed while its version did not is refused, naming the file: results of one version then
 * always come from the same examples, and a run can never compare against silently edited data.
 */
public record GoldenSetLock(String version, Map<String, String> files) {
  public static final String FILE = "golden-set.lock";

  public GoldenSetLock {
    files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
  }

  /** The lock beside {@code manifestFile}, if the golden set has one. */
  static Optional<GoldenSetLock> of(Path manifestFile) {
    Path file = manifestFile.toAbsolutePath().getParent().resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    GoldenSetLock lock = YamlDeclarationReader.read(file, GoldenSetLock.class, "golden-set lock");
    if (lock.version() == null || lock.files() == null || lock.files().isEmpty()) {
      throw Problem.at(file).expected("version: and files: (each data file's sha256)").found("an incomplete lock")
          .whatToDo("run `flipgate lock` on the golden set again").configurationError("invalid golden-set lock");
    }
    return Optional.of(lock);
  }

  /**
   * Checks the golden set as loaded (its version, and each data file's name and sha256) against
   * the lock.
   *
   * @throws dev.flipgate.failure.ConfigurationException naming the file that changed, or the lock
   *     when the version moved on without a new lock
   */
  void check(Path manifestFile, String manifestVersion, Map<String, String> dataFiles) {
    Path file = manifestFile.toAbsolutePath().getParent().resolve(FILE);
    if (!version.equals(manifestVersion)) {
      throw Problem.at(file).expected("the lock of version " + manifestVersion + " (the manifest's)")
          .found("a lock of version " + version)
          .whatToDo("run `flipgate lock " + manifestFile.toAbsolutePath().getParent() + "` to lock the new version")
          .configurationError("the golden set's version changed since it was locked");
    }
    for (var entry : dataFiles.entrySet()) {
      String locked = files.get(entry.getKey());
      if (!entry.getValue().equals(locked)) {
        throw Problem.at(manifestFile.toAbsolutePath().getParent().resolve(entry.getKey()))
            .expected(locked == null ? "a data file named in the lock of version " + version
                : "the content locked for version " + version + " (sha256 " + locked + ")")
            .found(locked == null ? "a file the lock does not know" : "sha256 " + entry.getValue())
            .whatToDo("a golden set's data never changes within a version: restore the file, or raise the version"
                + " in the manifest and run `flipgate lock` again")
            .configurationError("the golden set's data changed without a new version");
      }
    }
    for (String name : files.keySet()) {
      if (!dataFiles.containsKey(name)) {
        throw Problem.at(file).expected("only data files the manifest names").found("'" + name + "', which it no longer names")
            .whatToDo("raise the version in the manifest and run `flipgate lock` again")
            .configurationError("the golden set's data changed without a new version");
      }
    }
  }

  /** The lock as its file holds it. */
  public byte[] text() {
    var out = new StringBuilder("# Written by `flipgate lock`: the sha256 of each data file of this version. A golden\n"
        + "# set whose data differ from these is refused until its version is raised and it is locked again.\n");
    out.append("version: \"").append(version).append("\"\nfiles:\n");
    // Quoted: a digest of digits and one 'e' would otherwise read back as a YAML number.
    files.forEach((name, sha256) -> out.append("  \"").append(name).append("\": \"").append(sha256).append("\"\n"));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
