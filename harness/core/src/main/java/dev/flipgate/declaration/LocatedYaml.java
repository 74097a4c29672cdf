package dev.flipgate.declaration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.serialization.NodeReader;
import java.io.IOException;

/** Reads YAML or JSON into a tree whose nodes remember their line, for schema breaks that name it. */
public final class LocatedYaml {
  private LocatedYaml() {}

  public static JsonNode read(String text, ObjectMapper yaml) throws IOException {
    NodeReader reader = NodeReader.builder().locationAware().yamlMapper(yaml).build();
    return reader.readTree(text, InputFormat.YAML);
  }
}
