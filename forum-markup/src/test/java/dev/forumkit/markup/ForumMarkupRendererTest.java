package dev.forumkit.markup;

import dev.forumkit.core.markup.MentionResolver;
import dev.forumkit.core.markup.Rendered;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.forumkit.markup.Fixtures.ANN;
import static dev.forumkit.markup.Fixtures.BOB;
import static dev.forumkit.markup.Fixtures.MEMBERS;
import static org.assertj.core.api.Assertions.assertThat;

class ForumMarkupRendererTest {
    private static final String REL = " rel=\"nofollow ugc noopener\"";
    private final ForumMarkupRenderer renderer = Fixtures.RENDERER;

    private String html(String source) {
        return renderer.render(source, MEMBERS).html();
    }

    @Nested
    class Markdown {
        @Test
        void renders_commonmark_with_line_breaks_on_single_newlines() {
            assertThat(html("Hello *world* and **bold**\nnext line\n\n# Title"))
                    .isEqualTo("<p>Hello <em>world</em> and <strong>bold</strong><br />\nnext line</p>\n<h1>Title</h1>\n");
        }

        @Test
        void renders_gfm_tables_strikethrough_and_fenced_code() {
            assertThat(html("| a | b |\n|---|:-:|\n| 1 | 2 |")).isEqualTo("<table><thead><tr><th>a</th>"
                    + "<th align=\"center\">b</th></tr></thead><tbody><tr><td>1</td><td align=\"center\">2</td></tr>"
                    + "</tbody></table>\n");
            assertThat(html("~~gone~~ but ~5 km")).isEqualTo("<p><del>gone</del> but ~5 km</p>\n");
            assertThat(html("```java\nint x = 1 < 2;\n```")).isEqualTo(
                    "<pre><code class=\"language-java\">int x &#61; 1 &lt; 2;\n</code></pre>\n");
        }

        @Test
        void links_bare_urls_and_email_addresses() {
            assertThat(html("see https://example.org/a, www.example.com or ann@example.org")).isEqualTo(
                    "<p>see <a href=\"https://example.org/a\"" + REL + ">https://example.org/a</a>, "
                            + "<a href=\"http://www.example.com\"" + REL + ">www.example.com</a> or "
                            + "<a href=\"mailto:ann&#64;example.org\"" + REL + ">ann&#64;example.org</a></p>\n");
        }

        @Test
        void shows_raw_html_as_text_and_drops_unsafe_links() {
            assertThat(html("<b onclick=x>hi</b>")).isEqualTo("<p>&lt;b onclick&#61;x&gt;hi&lt;/b&gt;</p>\n");
            assertThat(html("[x](javascript:alert(1)) [y](data:text/html,z) ![i](javascript:x)"))
                    .isEqualTo("<p>x y i</p>\n");
            assertThat(html("[ok](https://example.org \"Title\")"))
                    .isEqualTo("<p><a href=\"https://example.org\" title=\"Title\"" + REL + ">ok</a></p>\n");
        }
    }

    @Nested
    class Quotes {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "[quote=ann post=123]|ann said:|/posts/123/",
                "[QUOTE=\"ann\" post=\"123\"]|ann said:|/posts/123/",
                "[quote=\"ann, post: 123, member: 7\"]|ann said:|/posts/123/",
                "[quote=ann;123]|ann said:|/posts/123/",
                "[quote=\"ann\" post_id=123 time=1 user_id=7]|ann said:|/posts/123/",
                "[quote post=123]|Quoted post|/posts/123/"
        })
        void name_the_author_and_link_to_the_quoted_post(String tag, String words, String href) {
            assertThat(html(tag + "\nWhere do you **ride**?\n[/quote]\nAlong the river.")).isEqualTo(
                    "<blockquote class=\"quote\">\n<div class=\"quote-attribution\"><a href=\"" + href + "\"" + REL
                            + ">" + words + "</a></div>\n<p>Where do you <strong>ride</strong>?</p>\n</blockquote>\n"
                            + "<p>Along the river.</p>\n");
        }

        @Test
        void without_a_post_only_name_the_author_and_without_anything_show_no_attribution() {
            assertThat(html("[quote=ann]hi[/quote]")).isEqualTo("<blockquote class=\"quote\">\n"
                    + "<div class=\"quote-attribution\">ann said:</div>\n<p>hi</p>\n</blockquote>\n");
            assertThat(html("[quote]hi[/quote]")).isEqualTo("<blockquote class=\"quote\">\n<p>hi</p>\n</blockquote>\n");
        }

        @Test
        void link_where_the_forum_is_mounted() {
            ForumMarkupRenderer mounted = ForumMarkupRenderer.create(c -> c.postUrl(id -> "/forum/posts/" + id + "/"));
            assertThat(mounted.render("[quote=ann post=5]x[/quote]", MentionResolver.NONE).html())
                    .contains("<a href=\"/forum/posts/5/\"" + REL + ">ann said:</a>");
        }

        @Test
        void nest_twenty_deep_and_show_deeper_quotes_as_text() {
            String source = "[quote]".repeat(25) + "deep" + "[/quote]".repeat(25);
            String html = html(source);
            assertThat(count(html, "<blockquote")).isEqualTo(BlockTags.MAX_DEPTH);
            assertThat(html).contains("[quote][quote][quote][quote][quote]deep[/quote][/quote][/quote][/quote][/quote]");
        }

        @Test
        void keep_markdown_quotes_as_plain_blockquotes() {
            assertThat(html("> quoted\n> more")).isEqualTo("<blockquote>\n<p>quoted<br />\nmore</p>\n</blockquote>\n");
        }

        @Test
        void leave_unbalanced_tags_as_text() {
            assertThat(html("[quote][quote]inner[/quote] [/spoiler] [b]open [/i]")).isEqualTo("<p>[quote]</p>\n"
                    + "<blockquote class=\"quote\">\n<p>inner</p>\n</blockquote>\n<p>[/spoiler] [b]open [/i]</p>\n");
        }
    }

    @Nested
    class Mentions {
        @Test
        void link_existing_members_and_report_their_ids() {
            Rendered r = renderer.render("Thanks @ann and @bob.smith. Not @nobody, nor @ann's twin.", MEMBERS);
            assertThat(r.html()).isEqualTo("<p>Thanks <a href=\"/members/ann.7/\" class=\"mention\"" + REL
                    + ">&#64;ann</a> and <a href=\"/members/bob-smith.8/\" class=\"mention\"" + REL
                    + ">&#64;bob.smith</a>. Not &#64;nobody, nor <a href=\"/members/ann.7/\" class=\"mention\"" + REL
                    + ">&#64;ann</a>&#39;s twin.</p>\n");
            assertThat(r.mentions()).containsExactlyInAnyOrder(ANN.id(), BOB.id());
        }

        @Test
        void are_not_looked_for_in_code_links_or_email_addresses() {
            Rendered r = renderer.render("`@ann` [@ann](https://x.org) ann@ann.org\n```\n@ann\n```", MEMBERS);
            assertThat(r.mentions()).isEmpty();
            assertThat(r.html()).doesNotContain("mention");
        }

        @Test
        void ask_the_resolver_about_a_bounded_number_of_names() {
            List<String> asked = new ArrayList<>();
            MentionResolver counting = name -> {
                asked.add(name);
                return Optional.empty();
            };
            StringBuilder source = new StringBuilder();
            for (int i = 0; i < 500; i++) {
                source.append("@member").append(i).append(" @member").append(i).append(' ');
            }
            renderer.render(source.toString(), counting);
            assertThat(asked).hasSize(dev.forumkit.markup.Mentions.MAX_LOOKUPS).doesNotHaveDuplicates();
        }

        @Test
        void pass_on_a_failing_resolver_rather_than_hide_it() {
            MentionResolver broken = name -> {
                throw new IllegalStateException("storage down");
            };
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> renderer.render("hi @ann", broken))
                    .hasMessage("storage down");
        }

        @Test
        void link_at_most_a_hundred_times() {
            Rendered r = renderer.render("@ann ".repeat(500), MEMBERS);
            assertThat(count(r.html(), "class=\"mention\"")).isEqualTo(dev.forumkit.markup.Mentions.MAX_LINKS);
            assertThat(r.mentions()).containsExactly(MemberId.of(7));
        }
    }

    @Nested
    class QuotedPosts {
        @Test
        void are_reported_for_every_outermost_quote_that_names_a_post() {
            Rendered r = renderer.render("[quote=ann post=12]a[/quote]\n[quote=\"bob, post: 13, member: 8\"]b[/quote]\n"
                    + "[quote=cy;14]c[/quote] [quote=dee]no post[/quote]", MentionResolver.NONE);
            assertThat(r.quotes()).containsExactlyInAnyOrder(PostId.of(12), PostId.of(13), PostId.of(14));
        }

        @Test
        void leave_out_quotes_inside_quotes_code_and_unmatched_tags() {
            Rendered r = renderer.render("[quote=ann post=12][quote=bob post=13]inner[/quote]outer[/quote]\n"
                    + "```\n[quote=cy post=14]x[/quote]\n```\n[quote=dee post=15] never closed", MentionResolver.NONE);
            assertThat(r.quotes()).containsExactly(PostId.of(12));
        }

        @Test
        void are_reported_for_at_most_fifty_posts() {
            StringBuilder source = new StringBuilder();
            for (int i = 1; i <= 200; i++) {
                source.append("[quote=ann post=").append(i).append("]q[/quote]\n");
            }
            assertThat(renderer.render(source.toString(), MentionResolver.NONE).quotes()).hasSize(dev.forumkit.markup.Quotes.MAX_QUOTED);
        }

        @Test
        void are_quotes_of_nothing_in_a_post_without_any() {
            assertThat(renderer.render("> markdown quote\n\nplain", MentionResolver.NONE).quotes()).isEmpty();
        }
    }

    @Nested
    class Spoilers {
        @Test
        void hide_their_content_in_details() {
            assertThat(html("[spoiler=Ending]He *wins*[/spoiler][spoiler]x[/spoiler]")).isEqualTo(
                    "<details class=\"spoiler\"><summary>Spoiler: Ending</summary>\n<p>He <em>wins</em></p>\n"
                            + "</details>\n<details class=\"spoiler\"><summary>Spoiler</summary>\n<p>x</p>\n</details>\n");
        }
    }

    @Nested
    class BbCode {
        @Test
        void renders_the_inline_tags_like_markdown() {
            assertThat(html("[b]b[/b] [I]i[/I] [u]u[/u] [s]s[/s] [b][i]both[/i][/b]")).isEqualTo(
                    "<p><strong>b</strong> <em>i</em> <u>u</u> <del>s</del> <strong><em>both</em></strong></p>\n");
        }

        @Test
        void links_and_images_only_to_safe_addresses() {
            assertThat(html("[url=https://x.org/a_b]x[/url] [url]http://y.org[/url] [url=www.z.org]z[/url]"))
                    .isEqualTo("<p><a href=\"https://x.org/a_b\"" + REL + ">x</a> <a href=\"http://y.org\"" + REL
                            + ">http://y.org</a> <a href=\"http://www.z.org\"" + REL + ">z</a></p>\n");
            assertThat(html("[img]https://i.org/a.png[/img]"))
                    .isEqualTo("<p><img src=\"https://i.org/a.png\" alt=\"\" /></p>\n");
            assertThat(html("[url=javascript:alert(1)]x[/url] [img]javascript:alert(1)[/img]")).isEqualTo(
                    "<p>[url&#61;javascript:alert(1)]x[/url] [img]javascript:alert(1)[/img]</p>\n");
        }

        @Test
        void renders_lists() {
            assertThat(html("[list]\n[*]one\n[*]two [b]b[/b]\n[/list]\n[list=1][*]a[*]b[/list]")).isEqualTo(
                    "<ul><li>one</li><li>two <strong>b</strong></li></ul>\n<ol><li>a</li><li>b</li></ol>\n");
        }

        @Test
        void keeps_code_literal() {
            assertThat(html("[code=java]\nif (a < b) { [b]x[/b] }\n[/code]")).isEqualTo(
                    "<pre><code class=\"language-java\">if (a &lt; b) { [b]x[/b] }\n</code></pre>\n");
            assertThat(html("use [code]*x*[/code] here")).isEqualTo("<p>use <code>*x*</code> here</p>\n");
            assertThat(html("```\n[quote]not a quote[/quote]\n```\n`[spoiler]x[/spoiler]`")).isEqualTo(
                    "<pre><code>[quote]not a quote[/quote]\n</code></pre>\n<p><code>[spoiler]x[/spoiler]</code></p>\n");
        }
    }

    @Test
    void names_its_version_and_renders_nothing_for_nothing() {
        Rendered r = renderer.render(null, null);
        assertThat(r.html()).isEmpty();
        assertThat(r.rendererVersion()).isEqualTo(renderer.version()).isEqualTo("forum-markup/1");
    }

    @Test
    void is_safe_to_share_between_threads() throws Exception {
        List<String> sources = Corpus.get().vectors.subList(0, 400);
        List<String> expected = sources.stream().map(s -> renderer.render(s, MEMBERS).html()).toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new ArrayList<java.util.concurrent.Future<List<String>>>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> sources.stream().map(s -> renderer.render(s, MEMBERS).html()).toList()));
            }
            for (var future : futures) {
                assertThat(future.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
