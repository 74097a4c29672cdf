package dev.flipgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryMarkdownTest {

  @Test
  void escapesGoldenSetTextSoItCannotInjectMarkupIntoAPullRequestComment() {
    String hostile = "<img src=x onerror=alert(1)>|`code`|[link](javascript:alert(1))\n# heading";

    String escaped = SummaryMarkdown.md(hostile);

    assertThat(escaped).doesNotContain("<img", "\n", "[link](");
    assertThat(escaped).contains("&lt;img", "\\|", "\\`", "\\[link\\]", "\\# heading");
  }
}
