package dev.flipgate.declaration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.serialization.NodeReader;
import java.io.IOException;

/** Reads YAML or JSON into a tree whose nodes remember their line, for schema breaks that name it. */
public final class LocatedYaml {
  private LocatedYaml() {}

  /**
   * The document's tree, or null when it is not well-formed YAML (a syntax error, a key given twice):
   * the caller's Jackson binding then refuses it with Jackson's own located message.
   */
  public static JsonNode read(String text, ObjectMapper yaml) throws IOException {
    NodeReader reader = NodeReader.builder().locationAware().yamlMapper(yaml).build();
    try {
      return reader.readTree(text, InputFormat.YAML);
    } catch (IllegalArgumentException notWellFormed) {
      return null;
    }
  }
}
