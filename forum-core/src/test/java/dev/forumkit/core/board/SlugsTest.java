package dev.forumkit.core.board;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Cycling in Hokkaido|cycling-in-hokkaido",
            "  Crème brûlée, again!  |creme-brulee-again",
            "日本語だけ|untitled",
            "<script>alert(1)</script>|script-alert-1-script",
            "a---b|a-b",
            "!!!|untitled"
    })
    void makes_url_safe_slugs(String title, String slug) {
        assertThat(Slugs.of(title)).isEqualTo(slug);
    }

    @ParameterizedTest
    @CsvSource({"80", "500"})
    void caps_length(int n) {
        assertThat(Slugs.of("word ".repeat(n))).hasSizeLessThanOrEqualTo(80).doesNotEndWith("-");
    }
}
