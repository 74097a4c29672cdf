package dev.flipgate.perturbation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * INV: every person's or place's name the text holds replaced by another of the same list (the
 * same name by the same other throughout), as CheckList's {@code change_names} and
 * {@code change_location}: who or where a review is about must not change its sentiment. A name
 * is a capitalised word of the lists below; a text with none yields no example.
 *
 * <pre>change: { kind: name-swap }</pre>
 */
@com.fasterxml.jackson.annotation.JsonTypeName(NameSwap.KIND)
public record NameSwap() implements TextPerturbation {
  public static final String KIND = "name-swap";

  static final List<String> PEOPLE = List.of("John", "Mary", "James", "Patricia", "Robert", "Jennifer", "Michael", "Linda",
      "William", "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles",
      "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Mark", "Helen", "Paul", "Sandra", "Steven",
      "Donna", "Andrew", "Carol", "Kevin", "Ruth", "Brian", "Sharon", "George", "Michelle", "Edward", "Laura", "Ronald",
      "Emily", "Timothy", "Kimberly", "Jason", "Deborah", "Jeffrey", "Dorothy", "Ryan", "Amy", "Jacob", "Angela", "Gary",
      "Ashley", "Nicholas", "Brenda", "Eric", "Emma", "Jonathan", "Olivia", "Stephen", "Cynthia", "Larry", "Marie",
      "Justin", "Janet", "Scott", "Catherine", "Frank", "Frances", "Peter", "Christine", "Samuel", "Samantha", "Raymond",
      "Debra", "Gregory", "Rachel", "Benjamin", "Carolyn", "Patrick", "Virginia", "Jack", "Maria", "Dennis", "Heather",
      "Jerry", "Diane", "Alexander", "Julie", "Tyler", "Joyce", "Henry", "Victoria", "Douglas", "Kelly", "Aaron", "Christina");
  static final List<String> PLACES = List.of("London", "Paris", "Berlin", "Madrid", "Rome", "Tokyo", "Toronto", "Chicago",
      "Boston", "Seattle", "Dallas", "Houston", "Phoenix", "Denver", "Atlanta", "Miami", "Vegas", "Austin", "Portland",
      "Sydney", "Melbourne", "Dublin", "Vienna", "Prague", "Lisbon", "Amsterdam", "Brussels", "Stockholm", "Oslo",
      "Helsinki", "Warsaw", "Budapest", "Athens", "Istanbul", "Cairo", "Mumbai", "Delhi", "Beijing", "Shanghai", "Seoul",
      "America", "Canada", "Mexico", "France", "Germany", "Italy", "Spain", "England", "Ireland", "Japan", "China",
      "India", "Brazil", "Australia", "Russia", "Scotland", "Texas", "California", "Florida", "Arizona", "Nevada");
  private static final List<List<String>> LISTS = List.of(PEOPLE, PLACES);

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Optional<String> apply(String text, SplittableRandom random) {
    Map<String, String> replacements = new HashMap<>();
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (Words.Word word : Words.of(text)) {
      List<String> list = listOf(word.text());
      if (list == null) {
        continue;
      }
      String other = replacements.computeIfAbsent(word.text(), name -> {
        String drawn;
        do {
          drawn = list.get(random.nextInt(list.size()));
        } while (drawn.equals(name));
        return drawn;
      });
      out.append(text, copied, word.start()).append(other);
      copied = word.end();
    }
    if (replacements.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(out.append(text.substring(copied)).toString());
  }

  /** The list a word is a name of, or null. */
  static List<String> listOf(String word) {
    for (List<String> list : LISTS) {
      if (list.contains(word)) {
        return list;
      }
    }
    return null;
  }

  @Override
  public String describe() {
    return "every person's or place's name replaced by another";
  }
}
