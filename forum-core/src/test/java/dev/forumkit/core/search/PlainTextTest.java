package dev.forumkit.core.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A post's HTML as the index reads it: the text people see, block breaks as spaces, entities decoded once. */
class PlainTextTest {
    @Test
    void dropsTagsKeepsWordsAndSpacesBlocksApart() {
        assertThat(PlainText.fromHtml("<p>Ride <strong>fast</strong>er</p><p>then <a href=\"/x\">rest</a></p>"))
                .isEqualTo("Ride faster then rest");
        assertThat(PlainText.fromHtml("<blockquote><p>quoted</p></blockquote><ul><li>one</li><li>two</li></ul>"))
                .isEqualTo("quoted one two");
        assertThat(PlainText.fromHtml("a<br>b<!-- note -->c\n\n  d")).isEqualTo("a b c d");
    }

    @Test
    void decodesEntitiesOnceAndKeepsWhatIsNotAnEntityOrATag() {
        assertThat(PlainText.fromHtml("&lt;script&gt; &amp;amp; &#39;x&#x27; &quot;q&quot;&nbsp;&#128512; &bogus; & 1 < 2"))
                .isEqualTo("<script> &amp; 'x' \"q\" 😀 &bogus; & 1 < 2");
        assertThat(PlainText.fromHtml("&#99999999; &#xZZ;")).isEqualTo("&#99999999; &#xZZ;");
    }
}
