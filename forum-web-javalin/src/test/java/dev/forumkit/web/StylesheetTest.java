package dev.forumkit.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forum's stylesheet stays scoped (a host's page keeps its own look) and themeable (every colour, font and
 * corner comes from a {@code --fk-*} property a host can override, each one documented in the README).
 */
class StylesheetTest {
    private static final Set<String> UNSCOPED = Set.of(":root", "html:has(> body.forumkit-page)", "body.forumkit-page");

    private static String css() throws IOException {
        try (InputStream in = StylesheetTest.class.getResourceAsStream("/dev/forumkit/web/assets/forumkit.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
    }

    /** Every selector of every rule, inside media queries too. */
    private static List<String> selectors(String css) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("([^{}]+)\\{").matcher(css);
        while (m.find()) {
            String prelude = m.group(1).strip();
            if (prelude.startsWith("@")) {
                continue;
            }
            for (String s : prelude.split(",")) {
                out.add(s.strip().replaceAll("\\s+", " "));
            }
        }
        return out;
    }

    @Test
    void every_rule_applies_only_inside_a_forumkit_root() throws IOException {
        List<String> selectors = selectors(css());
        assertThat(selectors).hasSizeGreaterThan(300);
        assertThat(selectors).allSatisfy(s -> assertThat(UNSCOPED.contains(s) || s.equals(".forumkit") || s.startsWith(".forumkit ")
                || s.startsWith(".forumkit.")).as(s).isTrue());
    }

    @Test
    void colours_fonts_and_corners_come_from_fk_properties_declared_once_on_root() throws IOException {
        String css = css();
        Matcher root = Pattern.compile("(?s):root \\{(.*?)\\}").matcher(css);
        assertThat(root.find()).isTrue();
        String rules = css.substring(0, root.start()) + css.substring(root.end());
        assertThat(rules).doesNotContainPattern("#[0-9a-fA-F]{3,6}\\b").doesNotContainPattern("font-family: (?!var\\()")
                .doesNotContainPattern("border-radius: [0-9]+px;").doesNotContainPattern("--[a-z-]+:");
        Set<String> declared = names(Pattern.compile("(--[a-z0-9-]+):").matcher(root.group(1)));
        Set<String> used = names(Pattern.compile("var\\((--[a-z0-9-]+)\\)").matcher(rules));
        assertThat(declared).allSatisfy(n -> assertThat(n).startsWith("--fk-"));
        assertThat(declared).containsAll(used);
        assertThat(used).containsAll(declared);
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(declared).allSatisfy(n -> assertThat(readme).as("README documents " + n).contains("`" + n + "`"));
    }

    private static Set<String> names(Matcher m) {
        Set<String> out = new TreeSet<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
