package dev.flipgate.cli;

import dev.flipgate.failure.Problem;
import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.goldenset.GoldenSetLock;
import dev.flipgate.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code flipgate lock GOLDEN_SET}: record each data file's sha256 for the golden set's version. */
@Command(
    name = "lock",
    mixinStandardHelpOptions = true,
    description = "Validates a golden set and writes golden-set.lock beside its manifest: its version and the sha256 of each"
        + " data file. Gates then refuse the golden set if its data change while its version does not. Re-locking the"
        + " same version over changed data is refused: raise the version first.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:locked (or already locked as it is)", "2:bad usage, an invalid golden set, or changed data under"
        + " a locked version", "3:the lock could not be written"})
final class LockCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GOLDEN_SET", description = "The golden set's directory or its manifest.")
  Path goldenSet;

  @Override
  public Integer call() {
    GoldenSetLock lock = GoldenSetLoader.currentLock(goldenSet);
    var existing = GoldenSetLoader.existingLock(goldenSet);
    Path directory = (Files.isDirectory(goldenSet) ? goldenSet : goldenSet.toAbsolutePath().getParent()).toAbsolutePath();
    Path file = directory.resolve(GoldenSetLock.FILE);
    var out = spec.commandLine().getOut();
    if (existing.isPresent() && existing.get().version().equals(lock.version())) {
      if (existing.get().equals(lock)) {
        out.printf("%s is already locked at version %s%n", directory, lock.version());
        return 0;
      }
      throw Problem.at(file).expected("the data locked for version " + lock.version())
          .found("changed data files: " + changed(existing.get(), lock))
          .whatToDo("raise the version in the manifest, then lock again (or restore the files)")
          .configurationError("refusing to re-lock a version over changed data");
    }
    try {
      AtomicFiles.write(file, lock.text());
    } catch (IOException e) {
      throw Problem.at(file).whatToDo("check the directory is writable").modelFailure("cannot write the lock: " + e);
    }
    out.printf("locked %s at version %s: %s%n", directory, lock.version(), String.join(", ", lock.files().keySet()));
    out.flush();
    return 0;
  }

  private static String changed(GoldenSetLock before, GoldenSetLock now) {
    var names = new java.util.TreeSet<>(before.files().keySet());
    names.addAll(now.files().keySet());
    names.removeIf(name -> java.util.Objects.equals(before.files().get(name), now.files().get(name)));
    return String.join(", ", names);
  }
}
