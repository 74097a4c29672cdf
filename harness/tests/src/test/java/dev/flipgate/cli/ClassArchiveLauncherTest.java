package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.testing.RepositoryPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers' class-data archive (harness/cli/src/release/bin/class-archive.sh, sourced by ./flipgate
 * and the release's bin/flipgate), run by sh on the packaged CLI (harness/cli/target: flipgate.jar and
 * lib/, and the release tar.gz) with the bundled breast-cancer gate as its training run. The archive may change how soon a gate
 * answers and nothing else: not its standard output, not its exit code, whatever state the archive is in.
 */
class ClassArchiveLauncherTest {
  private static final Path CLI = RepositoryPaths.root().resolve("harness/cli/target");
  private static final Path SCRIPT = RepositoryPaths.root().resolve("harness/cli/src/release/bin/class-archive.sh");
  private static final Path TRAINING = RepositoryPaths.root().resolve("golden-sets/breast-cancer/suite.yaml");
  private static final String CLASS_PATH = CLI.resolve("flipgate.jar") + ":" + CLI.resolve("lib") + "/*";

  @TempDir Path directory;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(List<String> command) throws IOException, InterruptedException {
    assertThat(CLI.resolve("flipgate.jar")).as("the packaged CLI (./mvnw -B verify from the root builds it first)")
        .exists();
    Process process = new ProcessBuilder(command).start();
    var err = new java.io.ByteArrayOutputStream();
    Thread errReader = new Thread(() -> {
      try {
        process.getErrorStream().transferTo(err);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    errReader.start();
    String out = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
    errReader.join();
    return new Run(process.exitValue(), out, err.toString());
  }

  /** Sources the script and prints CLASS_ARCHIVE, with the archive kept in {@code archiveDir}. */
  private Run classArchive(Path archiveDir, String training, Path... extraDependencies)
      throws IOException, InterruptedException {
    return classArchive(archiveDir, CLASS_PATH, training, extraDependencies);
  }

  private Run classArchive(Path archiveDir, String classPath, String training, Path... extraDependencies)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("sh", "-c",
        ". \"$0\"; class_archive \"$@\"; printf '%s' \"$CLASS_ARCHIVE\"", SCRIPT.toString(),
        javaExecutable(), archiveDir.toString(), classPath, training,
        CLI.resolve("flipgate.jar").toString(), CLI.resolve("lib").toString()));
    for (Path dependency : extraDependencies) {
      command.add(dependency.toString());
    }
    return run(command);
  }

  /** The breast-cancer gate, run as the launchers run it: with the archive when {@code archive} is not empty. */
  private Run gate(String archive, String classPath, String... jvmOptions) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(javaExecutable(), "-XX:+UseSerialGC", "-Xlog:cds=off",
        "-Xlog:cds+dynamic=off"));
    if (!archive.isEmpty()) {
      command.add("-XX:SharedArchiveFile=" + archive);
    }
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", classPath, "dev.flipgate.cli.FlipgateMain", "gate", TRAINING.toString(),
        "--out", directory.resolve("out").toString(), "--quiet", "--no-ledger", "--no-cache"));
    return run(command);
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private List<Path> archives(Path archiveDir) throws IOException {
    try (Stream<Path> files = Files.list(archiveDir)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".jsa")).toList();
    }
  }

  @Test
  void theFirstRunPreparesTheArchiveAndLaterRunsMapIt() throws Exception {
    Path archiveDir = Files.createDirectory(directory.resolve("archive"));

    Run first = classArchive(archiveDir, TRAINING.toString());
    Run second = classArchive(archiveDir, TRAINING.toString());

    assertThat(first.err()).contains("preparing the class-data archive");
    List<Path> archives = archives(archiveDir);
    assertThat(archives).hasSize(1);
    assertThat(Files.size(archives.get(0))).isPositive();
    assertThat(first.out()).isEqualTo(archives.get(0).toString());
    assertThat(second.err()).isEmpty();
    assertThat(second.out()).isEqualTo(first.out());
    Path classLoads = directory.resolve("class-loads.txt");
    gate(first.out(), CLASS_PATH, "-Xlog:class+load=info:file=" + classLoads);
    assertThat(Files.readAllLines(classLoads)).anyMatch(line ->
        line.contains(" dev.flipgate.cli.FlipgateMain source: shared objects file (top)"));
  }

  @Test
  void aGateWritesTheSameVerdictWithTheArchiveWithoutItAndWithOneMadeForOtherJars() throws Exception {
    Path archiveDir = Files.createDirectory(directory.resolve("archive"));
    String archive = classArchive(archiveDir, TRAINING.toString()).out();
    Run without = gate("", CLASS_PATH);

    Run with = gate(archive, CLASS_PATH);
    // The JVM refuses an archive whose class path is not the one it was made with, and says so on
    // standard output unless told not to.
    Run stale = gate(archive, anotherJar() + ":" + CLASS_PATH);

    assertThat(without.exitCode()).isEqualTo(1);
    assertThat(without.out()).contains("BLOCK").doesNotContain("[warning]");
    assertThat(List.of(with, stale)).allSatisfy(run -> {
      assertThat(run.exitCode()).isEqualTo(without.exitCode());
      assertThat(run.out()).isEqualTo(without.out());
    });
  }

  private Path anotherJar() throws IOException {
    Path jar = directory.resolve("another.jar");
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new java.util.zip.ZipEntry("another.txt"));
      out.write("a jar the archive was not made with".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return jar;
  }

  /** A jar of {@code content} last modified at {@code time}, and the archive prepared for it in {@code archiveDir}. */
  private Path archivedWith(Path archiveDir, String name, String content, String time) throws Exception {
    Path jar = Files.writeString(directory.resolve(name), content);
    Files.setLastModifiedTime(jar, FileTime.from(Instant.parse(time)));
    classArchive(archiveDir, TRAINING.toString(), jar);
    return jar;
  }

  @Test
  void aJarNewerThanTheArchivePreparesItAgain() throws Exception {
    Path archiveDir = Files.createDirectory(directory.resolve("archive"));
    Path rebuiltJar = archivedWith(archiveDir, "rebuilt.jar", "a jar the build rewrote", "2020-01-01T00:00:00Z");

    Files.setLastModifiedTime(rebuiltJar, FileTime.from(Instant.now().plusSeconds(60)));
    Run afterRebuild = classArchive(archiveDir, TRAINING.toString(), rebuiltJar);

    assertThat(afterRebuild.err()).contains("preparing the class-data archive");
    assertThat(archives(archiveDir)).hasSize(1);
    assertThat(afterRebuild.out()).isEqualTo(archives(archiveDir).get(0).toString());
  }

  @Test
  void aJarReplacedByOneWithAnEarlierTimePreparesItAgain() throws Exception {
    Path archiveDir = Files.createDirectory(directory.resolve("archive"));
    Path copiedJar = archivedWith(archiveDir, "copied.jar", "a jar copied with its time kept", "2021-01-01T00:00:00Z");

    // Same size, an earlier time than the archive's, as Maven's copy-dependencies leaves a re-installed jar.
    Files.writeString(copiedJar, "A JAR COPIED WITH ITS TIME KEPT");
    Files.setLastModifiedTime(copiedJar, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    Run afterCopy = classArchive(archiveDir, TRAINING.toString(), copiedJar);

    assertThat(afterCopy.err()).contains("preparing the class-data archive");
    assertThat(afterCopy.out()).isNotEmpty();
  }

  @Test
  void preparingAnArchiveRemovesThoseOfEarlierJarsAndKeepsAnotherJdksForTheseJars() throws Exception {
    Path archiveDir = Files.createDirectory(directory.resolve("archive"));
    Path earlierBuilds = Files.writeString(archiveDir.resolve("flipgate-1.jsa"), "made for the jars before");
    Files.setLastModifiedTime(earlierBuilds, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    Path anotherJdks = Files.writeString(archiveDir.resolve("flipgate-2.jsa"), "made by another JDK for these jars");
    Files.setLastModifiedTime(anotherJdks, FileTime.from(Instant.now().plusSeconds(60)));

    Run run = classArchive(archiveDir, TRAINING.toString());

    assertThat(run.err()).contains("preparing the class-data archive");
    assertThat(earlierBuilds).doesNotExist();
    assertThat(anotherJdks).exists();
    assertThat(archives(archiveDir)).hasSize(2);
  }

  @Test
  void anArchiveThatCannotBeMadeIsNotNamedAndNotTriedOnEveryRun() throws Exception {
    Path archiveDir = Files.createDirectory(directory.resolve("archive"));
    String noSuchSuite = directory.resolve("missing/suite.yaml").toString();

    Run first = classArchive(archiveDir, noSuchSuite);
    Run second = classArchive(archiveDir, noSuchSuite);

    assertThat(first.err()).contains("preparing the class-data archive");
    assertThat(first.out()).isEmpty();
    assertThat(archives(archiveDir)).isEmpty();
    assertThat(second.err()).isEmpty();
    assertThat(second.out()).isEmpty();
  }

  @Test
  void aJvmThatCannotStartTheGateLeavesNoArchive() throws Exception {
    Path archiveDir = Files.createDirectory(directory.resolve("archive"));
    String withoutTheHarness = CLI.resolve("lib") + "/*";

    // java exits 1 when it finds no main class, as a gate that BLOCKs does: only a result.json tells them apart.
    Run run = classArchive(archiveDir, withoutTheHarness, TRAINING.toString());

    assertThat(run.err()).contains("preparing the class-data archive");
    assertThat(run.out()).isEmpty();
    assertThat(archives(archiveDir)).isEmpty();
  }

  /** Unpacks the release tar.gz into {@code folder} and returns its home (bin/, lib/, examples/). */
  private static Path unpackedRelease(Path folder) throws IOException, InterruptedException {
    Files.createDirectories(folder);
    Path release;
    try (Stream<Path> files = Files.list(CLI)) {
      release = files.filter(file -> file.getFileName().toString().matches("flipgate-.*\\.tar\\.gz")).findFirst()
          .orElseThrow(() -> new AssertionError("no release tar.gz in " + CLI + ": ./mvnw -B verify builds it"));
    }
    assertThat(run(List.of("tar", "xzf", release.toString(), "-C", folder.toString())).exitCode()).isZero();
    try (Stream<Path> unpacked = Files.list(folder)) {
      return unpacked.findFirst().orElseThrow();
    }
  }

  /** The release's bin/flipgate on its bundled gate, the JVM logging where each class came from. */
  private Run releaseGate(Path home, Path classLoads) throws IOException, InterruptedException {
    return run(List.of("sh", "-c", "FLIPGATE_JAVA_OPTS=\"-XX:+UseSerialGC -Xlog:class+load=info:file=" + classLoads
        + "\" \"$0\" gate \"$1\" --out \"$2\" --quiet --no-ledger --no-cache", home.resolve("bin/flipgate").toString(),
        home.resolve("examples/breast-cancer/suite.yaml").toString(), directory.resolve("out").toString()));
  }

  @Test
  void theReleaseLauncherPreparesItsArchiveOnceAndMapsFlipgatesClassesFromIt() throws Exception {
    Path home = unpackedRelease(directory.resolve("tools"));
    Path classLoads = directory.resolve("class-loads.txt");

    Run first = releaseGate(home, classLoads);
    Run second = releaseGate(home, classLoads);

    assertThat(first.err()).contains("preparing the class-data archive");
    assertThat(List.of(first, second)).allSatisfy(run -> {
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).startsWith("BLOCK");
    });
    assertThat(second.out()).isEqualTo(first.out());
    assertThat(second.err()).doesNotContain("preparing");
    assertThat(archives(home.resolve("lib"))).hasSize(1);
    assertThat(Files.readAllLines(classLoads)).anyMatch(line ->
        line.contains(" dev.flipgate.cli.FlipgateMain source: shared objects file (top)"));
  }

  @Test
  void theReleaseInAFolderWithABlankInItsPathGatesWithoutAnArchive() throws Exception {
    Path home = unpackedRelease(directory.resolve("my tools"));

    Run run = releaseGate(home, directory.resolve("class-loads.txt"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).startsWith("BLOCK");
    assertThat(run.err()).doesNotContain("preparing");
    assertThat(archives(home.resolve("lib"))).isEmpty();
  }

  @Test
  void aFolderThatCannotBeWrittenMeansNoArchiveAndNoError() throws Exception {
    Run run = classArchive(directory.resolve("no-such-folder"), TRAINING.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
  }
}
