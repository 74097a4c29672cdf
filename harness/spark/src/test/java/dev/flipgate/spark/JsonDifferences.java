package dev.flipgate.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Where two JSON documents differ, as paths with both values: a failure that says what differs, not two megabytes. */
final class JsonDifferences {
  private JsonDifferences() {}

  /** The first {@code limit} differences; empty when the documents are equal. */
  static List<String> of(JsonNode expected, JsonNode actual, int limit) {
    List<String> found = new ArrayList<>();
    walk("$", expected, actual, found, limit);
    return found;
  }

  private static void walk(String path, JsonNode expected, JsonNode actual, List<String> found, int limit) {
    if (found.size() >= limit || expected.equals(actual)) {
      return;
    }
    if (expected.isObject() && actual.isObject()) {
      for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        walk(path + "." + name, expected.get(name), actual.path(name), found, limit);
      }
      for (Iterator<String> names = actual.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!expected.has(name)) {
          found.add(path + "." + name + ": not expected, found " + shortened(actual.get(name)));
        }
      }
    } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      for (int i = 0; i < expected.size(); i++) {
        walk(path + "[" + i + "]", expected.get(i), actual.get(i), found, limit);
      }
    } else {
      found.add(path + ": expected " + shortened(expected) + ", found " + shortened(actual));
    }
  }

  private static String shortened(JsonNode node) {
    String text = node.toString();
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
