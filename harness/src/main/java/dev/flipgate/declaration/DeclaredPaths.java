package dev.flipgate.declaration;

import dev.flipgate.failure.Problem;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves a path written in a declaration against the directory of the file that declares it.
 * Declarations are untrusted: a path may not be absolute nor climb out of that directory, so a
 * golden set or suite can only ever read what was handed over with it.
 */
public final class DeclaredPaths {
  private DeclaredPaths() {}

  public static Path resolveExisting(Path declaringFile, String declared, String whatItIs) {
    Path path = resolve(declaringFile, declared, whatItIs);
    if (!Files.isRegularFile(path)) {
      throw Problem.at(declaringFile)
          .expected(whatItIs + " at " + path)
          .found(Files.exists(path) ? "not a regular file" : "no such file")
          .whatToDo("check the path, which is relative to " + baseOf(declaringFile))
          .configurationError("the declared " + whatItIs + " does not exist");
    }
    return path;
  }

  public static Path resolve(Path declaringFile, String declared, String whatItIs) {
    if (declared == null || declared.isBlank()) {
      throw Problem.at(declaringFile).whatToDo("declare the " + whatItIs + "'s path")
          .configurationError("no " + whatItIs + " is declared");
    }
    Path base = baseOf(declaringFile);
    Path relative = Path.of(declared);
    Path resolved = base.resolve(relative).normalize();
    if (relative.isAbsolute() || !resolved.startsWith(base)) {
      throw Problem.at(declaringFile)
          .expected("a path inside " + base)
          .found("'" + declared + "'")
          .whatToDo("move the " + whatItIs + " beside the declaring file and use a relative path")
          .configurationError("the " + whatItIs + " path leaves the declaring directory");
    }
    return resolved;
  }

  private static Path baseOf(Path declaringFile) {
    Path parent = declaringFile.toAbsolutePath().normalize().getParent();
    return parent == null ? Path.of("/") : parent;
  }
}
