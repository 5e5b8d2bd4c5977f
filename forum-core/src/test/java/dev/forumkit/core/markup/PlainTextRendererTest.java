package dev.forumkit.core.markup;

import dev.forumkit.core.member.MemberId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextRendererTest {
    private final PlainTextRenderer renderer = new PlainTextRenderer();

    private String html(String source) {
        return renderer.render(source, MentionResolver.NONE).html();
    }

    @Test
    void escapes_everything() {
        assertThat(html("<script>alert('x')</script> & \"q\""))
                .isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>\n");
    }

    @Test
    void blank_lines_separate_paragraphs_and_single_line_ends_break() {
        assertThat(html("one\ntwo\r\n\r\n  \nthree\r"))
                .isEqualTo("<p>one<br>\ntwo</p>\n<p>three</p>\n");
    }

    @Test
    void empty_and_blank_sources_render_nothing() {
        assertThat(html("")).isEmpty();
        assertThat(html(" \n\n \t")).isEmpty();
        assertThat(html(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "see https://example.org/a?b=1&c=2.|see <a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow ugc noopener\">https://example.org/a?b=1&amp;c=2</a>.",
            "(http://en.wikipedia.org/wiki/Foo_(bar))|(<a href=\"http://en.wikipedia.org/wiki/Foo_(bar)\" rel=\"nofollow ugc noopener\">http://en.wikipedia.org/wiki/Foo_(bar)</a>)",
            "HTTPS://EXAMPLE.ORG|<a href=\"HTTPS://EXAMPLE.ORG\" rel=\"nofollow ugc noopener\">HTTPS://EXAMPLE.ORG</a>",
            "http://|http://",
            "javascript:alert(1)|javascript:alert(1)",
            "<http://x.org/\">|&lt;<a href=\"http://x.org/\" rel=\"nofollow ugc noopener\">http://x.org/</a>&quot;&gt;"
    })
    void bare_http_addresses_become_links(String source, String paragraph) {
        assertThat(html(source)).isEqualTo("<p>" + paragraph + "</p>\n");
    }

    @Test
    void never_reports_mentions_and_names_its_version() {
        MentionResolver everyone = name -> java.util.Optional.of(new MentionedMember(MemberId.of(1), name, "/m/"));
        Rendered r = renderer.render("hi @ann", everyone);
        assertThat(r.mentions()).isEmpty();
        assertThat(r.html()).isEqualTo("<p>hi @ann</p>\n");
        assertThat(r.rendererVersion()).isEqualTo(renderer.version()).isEqualTo("plain-text/1");
    }

    @Test
    void replaces_control_characters_and_broken_surrogates() {
        assertThat(html("a\u0000b\u0007c\uD800d\uDC00e\u009Bf\uD83D\uDE00"))
                .isEqualTo("<p>a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uD83D\uDE00</p>\n");
    }

    @Test
    void long_hostile_input_stays_linear() {
        String source = "http://x.org/" + ")".repeat(50_000) + "\n" + "<".repeat(50_000);
        assertThat(html(source)).hasSizeLessThan(400_000).doesNotContain("<<");
    }

    @Test
    void escape_is_safe_in_text_and_attributes() {
        assertThat(Html.escape("\"><img src=x onerror=alert(1)>'")).isEqualTo("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;");
        assertThat(Html.escape(null)).isEmpty();
        String clean = new String("plain");
        assertThat(Html.clean(clean)).isSameAs(clean);
    }

    @Test
    void mention_resolver_of_ignores_case() {
        MentionedMember ann = new MentionedMember(MemberId.of(7), "Ann", "/members/ann.7/");
        MentionResolver r = MentionResolver.of(List.of(ann));
        assertThat(r.resolve("ANN")).contains(ann);
        assertThat(r.resolve("bob")).isEmpty();
        assertThat(MentionResolver.NONE.resolve("ann")).isEmpty();
    }
}
