package dev.flipgate.goldenset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.RepositoryPaths;
import dev.flipgate.testing.TinyGoldenSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A golden set's data never change within a version: `flipgate lock` records each data file's
 * sha256, a gate refuses a locked golden set whose data changed while its version did not (naming
 * the file), or whose version moved on without a new lock (naming the lock), and re-locking a
 * version over changed data is refused.
 */
class GoldenSetLockTest {
  @TempDir Path directory;

  private Path lockedTinyGoldenSet() {
    Path suite = new TinyGoldenSet().writeTo(directory);
    CliRun lock = CliRun.of("lock", directory.toString());
    assertThat(lock.exitCode()).as(lock.toString()).isZero();
    return suite;
  }

  private CliRun gate(Path suite) {
    return CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet", "--no-ledger");
  }

  @Test
  void aLockedGoldenSetAsItWasLockedGates() {
    Path suite = lockedTinyGoldenSet();

    assertThat(gate(suite).exitCode()).isIn(0, 1);
    assertThat(directory.resolve(GoldenSetLock.FILE)).content().contains("examples.csv", "adversarial.csv");
  }

  @Test
  void dataChangedUnderTheSameVersionIsRefusedNamingTheFile() throws IOException {
    Path suite = lockedTinyGoldenSet();
    Files.writeString(directory.resolve("examples.csv"), Files.readString(directory.resolve("examples.csv")).replace("e4,dog", "e4,cat"));

    CliRun run = gate(suite);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("examples.csv", "changed without a new version", "raise the version");
    assertThat(directory.resolve("out/result.json")).doesNotExist();
  }

  @Test
  void aNewVersionWithoutANewLockIsRefusedNamingTheLock() throws IOException {
    Path suite = lockedTinyGoldenSet();
    raiseVersion();

    CliRun run = gate(suite);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(GoldenSetLock.FILE, "version changed since it was locked", "flipgate lock");
  }

  @Test
  void relockingAVersionOverChangedDataIsRefusedAndANewVersionLocks() throws IOException {
    Path suite = lockedTinyGoldenSet();
    String locked = Files.readString(directory.resolve(GoldenSetLock.FILE));
    Files.writeString(directory.resolve("adversarial.csv"), Files.readString(directory.resolve("adversarial.csv")).replace("0.15", "0.16"));

    CliRun sameVersion = CliRun.of("lock", directory.toString());
    assertThat(sameVersion.exitCode()).isEqualTo(2);
    assertThat(sameVersion.err()).contains("adversarial.csv", "refusing to re-lock");
    assertThat(directory.resolve(GoldenSetLock.FILE)).content().isEqualTo(locked);

    raiseVersion();
    assertThat(CliRun.of("lock", directory.toString()).exitCode()).isZero();
    assertThat(gate(suite).exitCode()).isIn(0, 1);
  }

  @Test
  void anIncompleteLockIsRefusedNamingIt() throws IOException {
    Path suite = new TinyGoldenSet().writeTo(directory);
    Files.writeString(directory.resolve(GoldenSetLock.FILE), "version: \"1\"\n");

    CliRun run = gate(suite);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(GoldenSetLock.FILE, "invalid golden-set lock");
  }

  @Test
  void theBundledGoldenSetsAreLockedAsTheyAre() {
    for (String name : new String[] {"mnist", "breast-cancer"}) {
      Path goldenSet = RepositoryPaths.root().resolve("golden-sets").resolve(name);
      assertThat(GoldenSetLoader.existingLock(goldenSet)).as(name).contains(GoldenSetLoader.currentLock(goldenSet));
    }
  }

  /** The tiny manifest has no version ("unversioned"): give it one. */
  private void raiseVersion() throws IOException {
    Path manifest = directory.resolve("manifest.yaml");
    String text = Files.readString(manifest);
    Files.writeString(manifest, text.contains("version:") ? text.replaceFirst("version: .*", "version: 2.0.0")
        : text.replaceFirst("name: tiny", "name: tiny\nversion: 2.0.0"));
  }
}
