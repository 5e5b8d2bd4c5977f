package dev.forumkit.web.internal.html;

import dev.forumkit.core.reaction.ReactionType;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ReactionBar writes what tag/post.jte's loops wrote before task signedplain: the reference below is that generated
 * code's write sequence (static parts, then each value through jte's HTML output with its context), so labels that
 * need escaping, non-ASCII labels, zero and non-zero counts and the viewer's own reaction come out byte for byte alike.
 */
class ReactionBarTest {
    private static final List<ReactionType> TYPES = List.of(new ReactionType("like", "Like", 1),
            new ReactionType("tom_jerry", "Tom & \"Jerry\" <3 'x'", 1), new ReactionType("cafe", "Café ☕", 0));

    @Test
    void the_counts_are_the_templates_bytes() {
        for (Map<String, Integer> counts : List.of(Map.<String, Integer>of(), Map.of("like", 3), Map.of("tom_jerry", 12, "cafe", 1),
                Map.of("gone", 4))) {
            StringOutput expected = new StringOutput();
            OwaspHtmlTemplateOutput o = new OwaspHtmlTemplateOutput(expected);
            for (ReactionType type : TYPES) {
                int n = counts.getOrDefault(type.key(), 0);
                o.writeContent("\n          \n          <li data-type=\"");
                o.setContext("li", "data-type");
                o.writeUserContent(type.key());
                o.setContext("li", null);
                o.writeContent("\"" + (n == 0 ? " hidden" : "") + "><span class=\"reaction-label\">");
                o.setContext("span", null);
                o.writeUserContent(type.label());
                o.writeContent("</span> <span class=\"count\">");
                o.writeUserContent(n);
                o.writeContent("</span></li>\n          ");
            }
            StringOutput actual = new StringOutput();
            OwaspHtmlTemplateOutput a = new OwaspHtmlTemplateOutput(actual);
            a.setContext("ul", null);
            a.writeUserContent(ReactionBar.counts(TYPES, counts));
            assertThat(actual.toString()).as("counts %s", counts).isEqualTo(expected.toString());
        }
    }

    @Test
    void the_buttons_are_the_templates_bytes() {
        for (String viewer : new String[]{null, "like", "tom_jerry", "gone"}) {
            StringOutput expected = new StringOutput();
            OwaspHtmlTemplateOutput o = new OwaspHtmlTemplateOutput(expected);
            for (ReactionType type : TYPES) {
                boolean mine = type.key().equals(viewer);
                o.writeContent("\n          \n          <button type=\"submit\" class=\"react-button\" name=\"type\" value=\"");
                o.setContext("button", "value");
                o.writeUserContent(mine ? "remove" : type.key());
                o.setContext("button", null);
                o.writeContent("\" data-type=\"");
                o.setContext("button", "data-type");
                o.writeUserContent(type.key());
                o.setContext("button", null);
                o.writeContent("\" aria-pressed=\"");
                o.setContext("button", "aria-pressed");
                o.writeUserContent(mine ? "true" : "false");
                o.setContext("button", null);
                o.writeContent("\">");
                o.writeUserContent(type.label());
                o.writeContent("</button>\n          ");
            }
            StringOutput actual = new StringOutput();
            OwaspHtmlTemplateOutput a = new OwaspHtmlTemplateOutput(actual);
            a.setContext("form", null);
            a.writeUserContent(ReactionBar.buttons(TYPES, viewer));
            assertThat(actual.toString()).as("viewer's reaction %s", viewer).isEqualTo(expected.toString());
        }
        assertThat(render(ReactionBar.buttons(TYPES, null))).contains("Tom &amp; \"Jerry\" &lt;3 'x'", "Café ☕");
    }

    private static String render(gg.jte.Content content) {
        StringOutput out = new StringOutput();
        content.writeTo(out);
        return out.toString();
    }
}
