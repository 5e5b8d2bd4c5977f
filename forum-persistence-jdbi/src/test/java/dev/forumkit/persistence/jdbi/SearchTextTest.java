package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.search.Snippets.Range;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java side of the PostgreSQL index's text handling: folding, CJK pairs, reading headline markers. */
class SearchTextTest {

    @Test
    void foldingLowerCasesEveryScriptAndKeepsTheLength() {
        String text = "Велосипед ΚΑΛΗΜΈΡΑ İstanbul <b>x</b>\u0001\u0002\u0000 \uD801\uDC00 end";
        String folded = SearchText.fold(text);

        assertThat(folded).hasSameSizeAs(text);
        assertThat(folded).startsWith("велосипед καλημέρα i");
        assertThat(folded).contains(" b x /b ").doesNotContain("\u0001", "\u0002", "\u0000", "<", ">");
        assertThat(SearchText.fold("ΟΔΟΣ")).isEqualTo(SearchText.fold("οδος")); // final sigma folds like Σ
    }

    @Test
    void cjkRunsBecomePairsWithTheRunsLastCharacterApart() {
        String folded = SearchText.fold("東京の自転車, and 京");

        assertThat(SearchText.cjkRuns(folded)).containsExactly("東京の自転車", "京");
        assertThat(SearchText.cjkVector(folded))
                .isEqualTo("'東京':1 '京の':2 'の自':3 '自転':4 '転車':5 '車':6 '京':7");
        assertThat(SearchText.parsed(folded)).isEqualTo("      , and  ");
        assertThat(SearchText.cjkVector("plain english")).isEmpty();
    }

    @Test
    void katakanaLongVowelMarksStayInsideTheWord() {
        assertThat(SearchText.cjkRuns("ラーメン")).containsExactly("ラーメン");
    }

    @Test
    void aCjkSearchWordIsThePhraseOfItsPairsAndOneCharacterIsAPrefix() {
        assertThat(SearchText.cjkQuery("自転車")).isEqualTo("'自転' <-> '転車'");
        assertThat(SearchText.cjkQuery("京")).isEqualTo("'京':*");
    }

    @Test
    void longTextsKeepPositionsWithinPostgresLimits() {
        String vector = SearchText.cjkVector("日本語".repeat(20_000));

        // three distinct pairs and the last character; no position above PostgreSQL's limit, at most 255 each
        assertThat(vector.split(" ")).hasSize(4);
        assertThat(vector).doesNotContain(String.valueOf(SearchText.MAX_POSITION + 1));
        assertThat(vector.split(" ")[0].split(",")).hasSizeLessThanOrEqualTo(255);
    }

    @Test
    void headlineMarkersBecomeRangesOfTheText() {
        String folded = "we rode the gravel path, gravel again";
        String marked = "we rode the \u0001gravel\u0002 path, \u0001gravel\u0002 again";

        assertThat(Headlines.ranges(marked, folded)).containsExactly(new Range(12, 18), new Range(25, 31));
    }

    @Test
    void aHeadlineThatChangedTheTextIsReadWordByWord() {
        String folded = "a  b  gravel c gravel";
        String marked = "a b \u0001gravel\u0002 c \u0001gravel\u0002"; // spaces squeezed

        assertThat(Headlines.ranges(marked, folded)).containsExactly(new Range(6, 12), new Range(15, 21));
    }

    @Test
    void cjkMatchesAreFoundInTheText() {
        assertThat(Headlines.cjk("自転車と自転車", List.of("自転車"))).containsExactly(new Range(0, 3), new Range(4, 7));
    }
}
