package dev.forumkit.markup;

import dev.forumkit.core.markup.Rendered;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Inputs built to hurt: deep nesting, the 50,000-character limit filled with one construct, unbalanced tags,
 * broken Unicode. Each must render without an exception, within a generous timeout (against hangs, not a speed
 * test), to output of bounded size and depth that still keeps to the allow-list.
 */
class RobustnessTest {
    private static final int LIMIT = 50_000;

    static Stream<Arguments> hostile_inputs() {
        Random random = new Random(42);
        return Stream.of(
                Arguments.of("10,000 nested quotes", "[quote=ann post=1]".repeat(10_000) + "deep" + "[/quote]".repeat(10_000)),
                Arguments.of("10,000 nested quotes, unclosed", "[quote]".repeat(10_000)),
                Arguments.of("closers only", "[/quote][/spoiler][/list][/code][/b]".repeat(1_400)),
                Arguments.of("mixed unbalanced tags", "[quote][spoiler][list][*][b][i][url=http://a.b][u]".repeat(900)),
                Arguments.of("random BBCode soup", soup(random)),
                Arguments.of("nested spoilers and lists", "[spoiler][list][*]".repeat(2_500) + "x"),
                Arguments.of("markdown quotes 50,000 deep", ">".repeat(LIMIT)),
                Arguments.of("markdown lists 25,000 deep", "- ".repeat(LIMIT / 2) + "x"),
                Arguments.of("emphasis 25,000 deep", "*".repeat(LIMIT / 2) + "a" + "*".repeat(LIMIT / 2 - 1)),
                Arguments.of("inline tags 8,000 deep", "[b][i]".repeat(4_000) + "x" + "[/i][/b]".repeat(4_000)),
                Arguments.of("brackets", "[".repeat(LIMIT)),
                Arguments.of("nested links and images", "![[".repeat(8_000) + "a" + "](b)".repeat(8_000)),
                Arguments.of("backtick runs", IntStream.range(1, 300).mapToObj(i -> "`".repeat(i) + " [quote] ")
                        .collect(Collectors.joining())),
                Arguments.of("unclosed code tags", "[code]".repeat(LIMIT / 6)),
                Arguments.of("fences", "```\n[quote]\n~~~\n".repeat(LIMIT / 16)),
                Arguments.of("table padded to 5,000 columns", "|" + "a|".repeat(5_000) + "\n|" + "-|".repeat(5_000)
                        + "\n" + "x\n".repeat(10_000)),
                Arguments.of("many padded tables", ("|" + "a|".repeat(100) + "\n|" + "-|".repeat(100) + "\n"
                        + "x\n".repeat(99) + "\n").repeat(80)),
                Arguments.of("mentions", "@ann ".repeat(LIMIT / 5)),
                Arguments.of("e-mail addresses", "a@b.co ".repeat(LIMIT / 7)),
                Arguments.of("bare urls", "http://a.b ".repeat(LIMIT / 11)),
                Arguments.of("lone surrogates and control characters",
                        "\uD800a\uDC00\u0000\u0001\u001f\u007f\u0085\u2028\uFFFE\r".repeat(LIMIT / 10)),
                Arguments.of("html comments", "x <!--".repeat(LIMIT / 6)),
                Arguments.of("link reference definitions", "[a]: http://x\n".repeat(2_000) + "[a] ".repeat(3_000)),
                Arguments.of("entities", "&#x3C;script&#x3E;&#0;&#xD800;".repeat(LIMIT / 30)));
    }

    private static String soup(Random random) {
        String[] pieces = {"[quote]", "[/quote]", "[quote=a post=1]", "[spoiler]", "[/spoiler]", "[list]", "[/list]",
                "[*]", "[code]", "[/code]", "[b]", "[/b]", "[url=", "[/url]", "[img]", "]", "\n", "\n\n", "> ", "- ",
                "`", "```\n", "*", "_", "@ann", "http://x.org", "<script>", "text "};
        StringBuilder s = new StringBuilder();
        while (s.length() < LIMIT) {
            s.append(pieces[random.nextInt(pieces.length)]);
        }
        return s.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile_inputs")
    void renders_hostile_input_within_bounds(String name, String source) {
        Rendered rendered = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> Fixtures.RENDERER.render(source, Fixtures.MEMBERS));
        String html = rendered.html();
        assertThat(html.length()).as("output size").isLessThanOrEqualTo(20 * source.length() + 20_000);
        assertThat(HtmlCheck.violations(html)).isEmpty();
        assertThat(maxDepth(Jsoup.parseBodyFragment(html).body())).as("element depth").isLessThanOrEqualTo(120);
        assertThat(html.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
        assertThat(html).doesNotContain("\u0000").doesNotContain("\u0001");
    }

    private static int maxDepth(Element root) {
        int max = 0;
        for (Element e : root.getAllElements()) {
            int depth = 0;
            for (Element p = e; p != root && p != null; p = p.parent()) {
                depth++;
            }
            max = Math.max(max, depth);
        }
        return max;
    }
}
