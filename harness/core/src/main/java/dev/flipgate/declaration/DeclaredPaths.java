package dev.flipgate.declaration;

import dev.flipgate.failure.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves a path written in a declaration against the directory of the file that declares it,
 * by how far that file is trusted:
 * <ul>
 *   <li><b>Golden-set content is confined.</b> A manifest is curated data, possibly handed over
 *       from elsewhere with hostile examples in it: its paths must be relative and must stay
 *       inside the golden set's directory — checked on the real path, so a symlink that points
 *       out of the golden set is refused as a {@code ../} would be.
 *   <li><b>A suite is trusted like a build file.</b> Its author chooses which models to run, and
 *       model files, predictions, recordings and standardizers may live anywhere the author
 *       points, relative to the suite or absolute.
 * </ul>
 */
public final class DeclaredPaths {
  private DeclaredPaths() {}

  /** A path from a suite: relative to the suite's directory, or absolute; it must name a regular file. */
  public static Path resolveExisting(Path declaringFile, String declared, String whatItIs) {
    Path path = resolve(declaringFile, declared, whatItIs);
    requireRegularFile(declaringFile, path, whatItIs);
    return path;
  }

  /** A path from a suite: relative to the suite's directory, or absolute. */
  public static Path resolve(Path declaringFile, String declared, String whatItIs) {
    requireDeclared(declaringFile, declared, whatItIs);
    return baseOf(declaringFile).resolve(Path.of(declared)).normalize();
  }

  /**
   * A path from a golden set's manifest: relative, naming a regular file whose real path (links
   * followed) lies inside the manifest's directory.
   */
  public static Path resolveConfined(Path manifest, String declared, String whatItIs) {
    requireDeclared(manifest, declared, whatItIs);
    Path base = baseOf(manifest);
    Path relative = Path.of(declared);
    Path resolved = base.resolve(relative).normalize();
    if (relative.isAbsolute() || !resolved.startsWith(base)) {
      throw leaves(manifest, base, "'" + declared + "'", whatItIs);
    }
    requireRegularFile(manifest, resolved, whatItIs);
    requireInside(manifest, base, resolved, whatItIs);
    return resolved;
  }

  /** Refuses {@code file} when its real path (links followed) is outside {@code directory}'s real path. */
  public static void requireInside(Path declaringFile, Path directory, Path file, String whatItIs) {
    try {
      Path realBase = directory.toRealPath();
      Path real = file.toRealPath();
      if (!real.startsWith(realBase)) {
        throw leaves(declaringFile, realBase, "'" + file + "', a link to " + real, whatItIs);
      }
    } catch (IOException e) {
      throw Problem.at(declaringFile).expected(whatItIs + " at " + file).found("it cannot be resolved: " + e.getMessage())
          .whatToDo("check the path and its links").configurationError("the declared " + whatItIs + " cannot be read");
    }
  }

  private static RuntimeException leaves(Path declaringFile, Path base, String found, String whatItIs) {
    return Problem.at(declaringFile)
        .expected("a path inside the golden set, " + base)
        .found(found)
        .whatToDo("copy the " + whatItIs + " into the golden set and use a relative path; a golden set may only read"
            + " what was handed over with it")
        .configurationError("the " + whatItIs + " path leaves the golden set");
  }

  private static void requireDeclared(Path declaringFile, String declared, String whatItIs) {
    if (declared == null || declared.isBlank()) {
      throw Problem.at(declaringFile).whatToDo("declare the " + whatItIs + "'s path")
          .configurationError("no " + whatItIs + " is declared");
    }
  }

  private static void requireRegularFile(Path declaringFile, Path path, String whatItIs) {
    if (!Files.isRegularFile(path)) {
      throw Problem.at(declaringFile)
          .expected(whatItIs + " at " + path)
          .found(Files.exists(path) ? "not a regular file" : "no such file")
          .whatToDo("check the path, which is relative to " + baseOf(declaringFile))
          .configurationError("the declared " + whatItIs + " does not exist");
    }
  }

  private static Path baseOf(Path declaringFile) {
    Path parent = declaringFile.toAbsolutePath().normalize().getParent();
    return parent == null ? Path.of("/") : parent;
  }
}
