package dev.flipgate.perturbation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * INV: one contraction expanded or one expansion contracted ("isn't" ↔ "is not", "it's" ↔ "it
 * is"), as CheckList's {@code add_contractions}/{@code expand_contractions}: the same sentence.
 *
 * <pre>change: { kind: contraction }</pre>
 */
@com.fasterxml.jackson.annotation.JsonTypeName(Contraction.KIND)
public record Contraction() implements TextPerturbation {
  public static final String KIND = "contraction";

  /** Each expansion and its contraction. */
  static final List<String[]> PAIRS = List.of(
      new String[] {"is not", "isn't"}, new String[] {"are not", "aren't"}, new String[] {"was not", "wasn't"},
      new String[] {"were not", "weren't"}, new String[] {"do not", "don't"}, new String[] {"does not", "doesn't"},
      new String[] {"did not", "didn't"}, new String[] {"cannot", "can't"}, new String[] {"could not", "couldn't"},
      new String[] {"would not", "wouldn't"}, new String[] {"should not", "shouldn't"}, new String[] {"will not", "won't"},
      new String[] {"have not", "haven't"}, new String[] {"has not", "hasn't"}, new String[] {"it is", "it's"},
      new String[] {"that is", "that's"}, new String[] {"I am", "I'm"}, new String[] {"I have", "I've"},
      new String[] {"you are", "you're"}, new String[] {"they are", "they're"}, new String[] {"we are", "we're"},
      new String[] {"I will", "I'll"}, new String[] {"I would", "I'd"});

  private record Site(int start, int end, String replacement) {}

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Optional<String> apply(String text, SplittableRandom random) {
    List<Site> sites = new ArrayList<>();
    for (String[] pair : PAIRS) {
      collect(text, pair[0], pair[1], sites);
      collect(text, pair[1], pair[0], sites);
    }
    if (sites.isEmpty()) {
      return Optional.empty();
    }
    Site site = sites.get(random.nextInt(sites.size()));
    return Optional.of(text.substring(0, site.start()) + site.replacement() + text.substring(site.end()));
  }

  /** Every whole-word occurrence of {@code form} (any case; the straight or curly apostrophe), to become {@code other}. */
  private static void collect(String text, String form, String other, List<Site> sites) {
    String pattern = "(?<![\\p{L}'’])" + Pattern.quote(form).replace("'", "\\E['’]\\Q") + "(?![\\p{L}'’])";
    Matcher matcher = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
    while (matcher.find()) {
      String found = matcher.group();
      String replacement = other.startsWith("I ") || other.startsWith("I'") ? other : Words.sameInitialCase(found, other);
      if (found.contains("’")) {
        replacement = replacement.replace('\'', '’');
      }
      sites.add(new Site(matcher.start(), matcher.end(), replacement));
    }
  }

  @Override
  public String describe() {
    return "one contraction expanded or one expansion contracted (isn't ↔ is not)";
  }
}
