package dev.forumkit.markup;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.forumkit.core.markup.Html;
import dev.forumkit.core.markup.PlainTextRenderer;
import dev.forumkit.core.markup.MentionResolver;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes the renderer with Jazzer. A normal build runs it in regression mode: once per file in
 * {@code src/test/resources/dev/forumkit/markup/ForumMarkupFuzzTestInputs/render/} (plus any findings Jazzer
 * stored there). To fuzz for a minute:
 * {@code JAZZER_FUZZ=1 mvn -pl forum-markup -am test -Dtest=ForumMarkupFuzzTest -Djazzer.hooks=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * <p>
 * An input is UTF-8 text, unless its first byte is 0, when the rest is UTF-16 so that lone surrogates can occur.
 */
class ForumMarkupFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void render(byte[] input) {
        String source = input.length > 0 && input[0] == 0
                ? new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_16BE)
                : new String(input, StandardCharsets.UTF_8);
        check(Fixtures.RENDERER.render(source, Fixtures.EVERYONE).html(), source);
        check(new PlainTextRenderer().render(source, MentionResolver.NONE).html(), source);
        check("<p>" + Html.escape(source) + "</p>", source);
    }

    private static void check(String html, String source) {
        List<String> violations = HtmlCheck.violations(html);
        if (!violations.isEmpty()) {
            throw new AssertionError("outside the allow-list: " + violations + "\nsource: " + source + "\nhtml: " + html);
        }
        if (html.length() > 20L * source.length() + 20_000) {
            throw new AssertionError("output of " + html.length() + " characters for " + source.length());
        }
    }
}
