package dev.forumkit.web.internal.html;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The page's bytes are exactly what encoding the whole text at once as UTF-8 gives, whatever the pieces. */
class PageBytesTest {
    @Test
    void every_kind_of_character_encodes_as_the_jdk_does_from_a_tiny_start() {
        String[] pieces = {"<p>plain ASCII</p>", "Grüße, café", "日本語のスレッド", "emoji 🚲 and 𝄞", "lone \uD800 surrogate",
                "\uDC00 low first", "end with high \uD83D", "", "x".repeat(5000), "€".repeat(3000)};
        PageBytes out = new PageBytes(1);
        StringBuilder all = new StringBuilder();
        for (String p : pieces) {
            out.writeContent(p);
            all.append(p);
        }
        out.writeBinaryContent("<br>".getBytes(StandardCharsets.UTF_8));
        all.append("<br>");
        assertThat(out.toByteArray()).isEqualTo(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_part_of_a_string_is_only_that_part_and_a_pair_cut_at_the_end_is_not_joined() {
        String s = "ab🚲cd日";
        PageBytes out = new PageBytes(2);
        out.writeContent(s, 1, 4); // "b", the pair
        out.writeContent(s, 5, 6); // "d"
        out.writeContent("x\uD83D", 0, 2); // a high surrogate without its pair in range
        assertThat(out.toByteArray()).isEqualTo(("b🚲d" + "x\uD83D").getBytes(StandardCharsets.UTF_8));
    }
}
