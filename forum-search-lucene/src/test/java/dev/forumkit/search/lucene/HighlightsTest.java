package dev.forumkit.search.lucene;

import dev.forumkit.core.search.SearchQuery;
import dev.forumkit.core.search.Segment;
import dev.forumkit.core.search.Snippets;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marks {@link Highlights} makes without the unified highlighter are the unified highlighter's own: the same
 * segments for titles and snippets, over words, stems, phrases, prefixes and CJK, in hand-picked and random texts.
 */
class HighlightsTest {
    private final Highlights highlights = new Highlights(ForumAnalyzer.forIndexing());
    private final Queries queries = new Queries(ForumAnalyzer.forQueries());

    private static final List<String> TEXTS = List.of(
            "I was running, she runs, they ran: the runner's run",
            "Chain ring and chain; ring the chain-ring, chain ring chain ring",
            "東京で自転車に乗る。自転車は東京都の自転車道で",
            "ｈａｌｆ width Ｗｉｄｔｈ and Bicycles, bicycle's bicycling cyclometer",
            "<b>gravel</b> & mud; e-mail me at foo:bar, C++ and Java",
            "",
            "   ",
            "no match here at all",
            "ka ka ka ka lo ka lo lo ka",
            "Straße STRASSE straße ﬁsh résumé resume 😀 emoji 😀emoji");

    private static final List<SearchQuery> QUERIES = List.of(
            SearchQuery.words("running"),
            SearchQuery.words("run"),
            SearchQuery.words("chain"),
            SearchQuery.all().phrase("chain ring"),
            SearchQuery.all().phrase("ring chain"),
            SearchQuery.words("chain").phrase("chain ring"),
            SearchQuery.words("自転車"),
            SearchQuery.words("東"),
            SearchQuery.words("東京都"),
            SearchQuery.all().phrase("自転車 東京"),
            SearchQuery.all().prefix("bicycles"),
            SearchQuery.all().prefix("bicy"),
            SearchQuery.all().prefix("cyc"),
            SearchQuery.all().prefix("e-mai"),
            SearchQuery.words("width"),
            SearchQuery.words("ｗｉｄｔｈ"),
            SearchQuery.words("gravel", "mud"),
            SearchQuery.words("e-mail"),
            SearchQuery.words("foo:bar"),
            SearchQuery.words("c++"),
            SearchQuery.words("ka").phrase("ka lo"),
            SearchQuery.all().phrase("ka ka"),
            SearchQuery.words("straße"),
            SearchQuery.words("resume"),
            SearchQuery.words("emoji"),
            SearchQuery.words("gravel").excluding("mud"),
            SearchQuery.words("gravel").titlesOnly(true),
            SearchQuery.all().prefix("ka").phrase("lo ka"));

    @Test
    void marksWhatTheUnifiedHighlighterMarksInHandPickedTexts() {
        for (String text : TEXTS) {
            for (SearchQuery q : QUERIES) {
                same(q, text);
            }
        }
    }

    @Test
    void marksWhatTheUnifiedHighlighterMarksInRandomTexts() {
        Random random = new Random(13);
        String[] words = {"ka", "lo", "kalo", "run", "running", "runs", "東京", "京都", "都", "自転車", "chain",
                "ring", "chains", "e-mail", "mail", "foo:bar", "Ring", "RUNS", "ｋａ", "😀", "-", ",", ".", "C++"};
        for (int n = 0; n < 400; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(words[random.nextInt(words.length)]).append(random.nextInt(4) == 0 ? "" : " ");
            }
            String a = words[random.nextInt(words.length)];
            String b = words[random.nextInt(words.length)];
            for (SearchQuery q : List.of(SearchQuery.words(a), SearchQuery.words(a, b),
                    SearchQuery.all().phrase(a + " " + b),
                    SearchQuery.all().prefix(a), SearchQuery.words(b).phrase(b + " " + a + " " + b))) {
                same(q, text.toString());
            }
        }
    }

    @Test
    void aLongTextIsMarkedAsAWhole() {
        String text = "kalo ".repeat(13_000) + "runs at the end";
        for (SearchQuery q : List.of(SearchQuery.words("kalo"), SearchQuery.words("run"))) {
            Query marks = queries.highlight(q);
            List<Snippets.Range> expected = highlights.unified(Fields.TEXT, marks, text);
            List<Snippets.Range> actual = Marks.of(marks, Fields.TEXT).in(ForumAnalyzer.forIndexing(), text);
            assertThat(actual).hasSameSizeAs(expected);
            assertThat(actual.get(actual.size() - 1)).isEqualTo(expected.get(expected.size() - 1));
            same(q, text);
        }
    }

    @Test
    void stemsAreMarkedAsTheyStand() {
        List<Segment> title = highlights.title(queries.highlight(SearchQuery.words("running")), "She runs daily");
        assertThat(title).filteredOn(Segment::highlighted).extracting(Segment::text).containsExactly("runs");
    }

    private void same(SearchQuery q, String text) {
        Query marks = queries.highlight(q);
        List<Snippets.Range> titleRanges = highlights.unified(Fields.TITLE, marks, text);
        List<Snippets.Range> textRanges = highlights.unified(Fields.TEXT, marks, text);
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        assertThat(highlights.title(marks, text)).as("title %s in %s", q.positiveTerms(), shown)
                .isEqualTo(Snippets.whole(text, new ArrayList<>(titleRanges)));
        assertThat(highlights.snippet(marks, text)).as("snippet %s in %s", q.positiveTerms(), shown)
                .isEqualTo(Snippets.around(text, new ArrayList<>(textRanges)));
    }
}
