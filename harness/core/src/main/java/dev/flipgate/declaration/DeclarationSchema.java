package dev.flipgate.declaration;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.utils.JsonNodes;
import dev.flipgate.failure.Problem;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One of the published JSON Schemas ({@code schemas/*.schema.json} in the repository, generated from
 * the records the files are read into). Editors complete and check a file by it; the CLI checks the
 * same file by the same schema before it reads it, so what an editor accepts and what a gate accepts
 * cannot drift apart. A file that breaks its schema is refused with the line of the first break.
 */
public final class DeclarationSchema {
  public static final DeclarationSchema SUITE = new DeclarationSchema("suite.schema.json");
  public static final DeclarationSchema MANIFEST = new DeclarationSchema("manifest.schema.json");
  public static final DeclarationSchema WAIVERS = new DeclarationSchema("waivers.schema.json");
  public static final DeclarationSchema RESULT = new DeclarationSchema("result.schema.json");

  /** Schemas are read from the class path only: checking a file never reaches the network. */
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      builder -> builder.schemas(DeclarationSchema::published));

  private final String file;
  private volatile Schema schema;

  private DeclarationSchema(String file) {
    this.file = file;
  }

  /** The schema's file name, as published in the repository's {@code schemas/} directory. */
  public String file() {
    return file;
  }

  /** The breaks of {@code document} (read by {@link LocatedYaml}), in the order they occur in the file. */
  public List<Error> breaks(JsonNode document) {
    return schema().validate(document).stream()
        .sorted(Comparator.comparingInt(DeclarationSchema::lineOf))
        .toList();
  }

  /** Refuses {@code document}, read from {@code source}, when it breaks the schema, naming the first break's line. */
  public void check(Path source, JsonNode document, String whatItIs) {
    List<Error> breaks = breaks(document);
    if (breaks.isEmpty()) {
      return;
    }
    Error first = breaks.get(0);
    String path = pathOf(first);
    var problem = Problem.at(source).line(lineOf(first, source)).part("at " + (path.isEmpty() ? "the top" : path));
    String more = breaks.size() == 1 ? "" : " (and " + (breaks.size() - 1) + " more)";
    if ("additionalProperties".equals(first.getKeyword())) {
      throw problem.expected("one of " + siblingProperties(first)).found("'" + first.getProperty() + "'")
          .whatToDo("fix the key's spelling or remove it; schemas/" + file + " lists every key")
          .configurationError("unknown key in the " + whatItIs + more);
    }
    if ("required".equals(first.getKeyword())) {
      throw problem.expected("a '" + first.getProperty() + "' key").found("none")
          .whatToDo("add it (schemas/" + file + " and README.md describe the format)")
          .configurationError("the " + whatItIs + " lacks '" + first.getProperty() + "'" + more);
    }
    throw problem.expected(first.getMessage().replaceFirst("^\\S+: ", "")).found(describe(first.getInstanceNode()))
        .whatToDo("fix the value (schemas/" + file + " describes the format)")
        .configurationError("the " + whatItIs + " does not match its schema" + more);
  }

  private Schema schema() {
    Schema loaded = schema;
    if (loaded == null) {
      loaded = REGISTRY.getSchema(SchemaLocation.of(BASE + file));
      schema = loaded;
    }
    return loaded;
  }

  /** The schemas' {@code $id} prefix; the harness resolves it from its own jar, never the network. */
  public static final String BASE = "https://flipgate.dev/schemas/";

  private static String published(String id) {
    if (!id.startsWith(BASE)) {
      return null;
    }
    String resource = "/dev/flipgate/schemas/" + id.substring(BASE.length());
    try (var in = DeclarationSchema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the harness lacks its schema " + resource + "; the installation is broken");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String pathOf(Error error) {
    var path = new StringBuilder();
    var location = error.getInstanceLocation();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer index) {
        path.append('[').append(index).append(']');
      } else {
        path.append(path.isEmpty() ? "" : ".").append(element);
      }
    }
    if (error.getProperty() != null && "additionalProperties".equals(error.getKeyword())) {
      path.append(path.isEmpty() ? "" : ".").append(error.getProperty());
    }
    return path.toString();
  }

  private static Set<String> siblingProperties(Error error) {
    var keys = new TreeSet<String>();
    try {
      JsonNode root = REGISTRY.getSchema(SchemaLocation.of(error.getSchemaLocation().getAbsoluteIri().toString())).getSchemaNode();
      // The break's schema location is .../additionalProperties; the object around it lists the keys.
      String fragment = error.getSchemaLocation().getFragment().toString().replaceFirst("^#", "");
      JsonNode owner = root.at(fragment.replaceFirst("/additionalProperties$", ""));
      owner.path("properties").fieldNames().forEachRemaining(keys::add);
    } catch (RuntimeException e) {
      // The list of known keys is a convenience; the message still names the unknown key and its line.
    }
    return keys;
  }

  private static int lineOf(Error error) {
    JsonNode node = error.getInstanceNode();
    var location = node == null ? null : JsonNodes.tokenStreamLocationOf(node);
    return location == null ? 0 : location.getLineNr();
  }

  private static int lineOf(Error error, Path source) {
    int objectLine = lineOf(error);
    if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
      // The break is the object's; the user needs the line of the unknown key within it.
      return KeyLines.lineAtOrAfter(source, error.getProperty(), objectLine).orElse(objectLine);
    }
    return objectLine;
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    String text = node.isTextual() ? "'" + node.asText() + "'" : node.toString();
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }
}
