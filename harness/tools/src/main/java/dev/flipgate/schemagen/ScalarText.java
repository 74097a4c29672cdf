package dev.flipgate.schemagen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Lets a text field of a file users write hold any YAML scalar, as the reader does: Jackson binds
 * {@code command: [python3, model.py, --threshold, 0.50]} or {@code version: 1.10} to the text as
 * written ("0.50", "1.10"), so a schema that demanded quotes there would refuse files the harness
 * reads correctly, and editors would flag them.
 */
final class ScalarText {
  private ScalarText() {}

  static void widen(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode type = object.get("type");
      if (type != null && type.isTextual() && type.asText().equals("string")) {
        object.putArray("type").add("string").add("number").add("boolean");
      }
      object.elements().forEachRemaining(ScalarText::widen);
    } else if (node instanceof ArrayNode array) {
      array.elements().forEachRemaining(ScalarText::widen);
    }
  }
}
