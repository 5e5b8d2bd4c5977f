package dev.forumkit.web.internal.html;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thread page's description is the same text as the regular expressions gave before plainText became one pass
 * (task pagecpu): the old code is kept here as the reference and both run on sanitiser-like HTML and on random text
 * made of the characters that matter (tags, entities cut anywhere, every kind of whitespace, quotes in any case).
 */
class BodiesTest {
    private static final Pattern BLOCKQUOTE = Pattern.compile("(?is)<blockquote\\b.*?</blockquote>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** Bodies.plainText as of 5091894. */
    static String reference(String html) {
        String text = TAG.matcher(BLOCKQUOTE.matcher(html).replaceAll(" ")).replaceAll(" ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#34;", "\"")
                .replace("&#39;", "'").replace("&#64;", "@").replace("&nbsp;", " ").replace("&amp;", "&");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** View.description as of 5091894. */
    static String referenceDescription(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = SPACES.matcher(text.strip()).replaceAll(" ");
        if (s.length() <= 160) {
            return s;
        }
        int cut = s.lastIndexOf(' ', 159);
        return s.substring(0, cut > 80 ? cut : 159).stripTrailing() + "\u2026";
    }

    @Test
    void sanitised_posts_give_the_text_the_expressions_gave() {
        String[] bodies = {
                "<p>Hello <strong>world</strong> &amp; friends &lt;3</p>\n<p>Second&nbsp;&nbsp;para &#34;quoted&#34; &#39;x&#39; a&#64;b</p>",
                "<blockquote class=\"quote\"><p>earlier</p></blockquote>\n<p>my answer</p>",
                "<BLOCKQUOTE><blockquote>nested</blockquote> outer rest</BLOCKQUOTE><p>after</p>",
                "<blockquote>never closed <p>text</p>",
                "<blockquotes>not a quote</blockquotes> x",
                "  \t<p>\u00a0non-breaking\u00a0</p>\r\n\u000b\f ",
                "a < b and c > d",
                "&amp;lt; stays &amp;amp; &lt&gt; &#3; &nbsp",
                "<p>日本語のスレッド 🚲 &quot;x&quot;</p>",
                "\u2003lead and trail\u3000",
                "",
                "<p></p>",
                "<a <blockquote>x</blockquote>>",
                "x".repeat(400) + " <em>y</em> " + "z ".repeat(200),
        };
        for (String b : bodies) {
            assertThat(Bodies.plainText(b)).as(b).isEqualTo(reference(b));
            assertThat(View.of("thread", "t").description(Bodies.plainText(b)).description()).as(b)
                    .isEqualTo(referenceDescription(reference(b)));
        }
    }

    @Test
    void random_text_gives_the_text_the_expressions_gave() {
        String[] parts = {"<", ">", "&", ";", "a", "b", " ", "  ", "\t", "\n", "\r", "\u000b", "\f", "\u00a0", "\u2003",
                "&lt;", "&gt;", "&quot;", "&#34;", "&#39;", "&#64;", "&nbsp;", "&amp;", "&am", "p;", "lt;", "<p>", "</p>",
                "<blockquote>", "</blockquote>", "<BlockQuote x=1>", "</BLOCKQUOTE>", "<blockquote", "quote", "é", "日", "🚲",
                "\uD83D", "<br/>", "\"", "'", "word"};
        Random random = new Random(18);
        for (int run = 0; run < 20_000; run++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(run % 10 == 0 ? 200 : 30);
            for (int i = 0; i < n; i++) {
                s.append(parts[random.nextInt(parts.length)]);
            }
            String text = s.toString();
            assertThat(Bodies.plainText(text)).as(text).isEqualTo(reference(text));
            assertThat(View.of("thread", "t").description(text).description()).as(text).isEqualTo(referenceDescription(text));
        }
    }
}
