package dev.forumkit.web.internal.html;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundles and the templates agree: Japanese has every English key (and no other), with the same placeholders;
 * every key is used; no template shows an English word of its own; a missing key falls back to English.
 */
class TextsTest {
    private static final Path TEMPLATES = Path.of("src/main/jte");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");
    /** Words that are the same in every language: the product's name (the logo is "forum" and "kit"), markup tags, UTC. */
    private static final Set<String> NOT_ENGLISH = Set.of("forumkit", "forum", "kit", "attach", "utc");
    /**
     * Templates whose words are not in the bundles yet (issue 20 is being done page by page). The test below fails
     * once one of them has no English left, so the list can only shrink.
     */
    static final Set<String> NOT_YET_TRANSLATED = Set.of();

    private static Map<String, String> bundle(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream("/dev/forumkit/web/" + file)) {
            assertThat(in).as(file).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> out = new TreeMap<>();
        p.forEach((k, v) -> out.put((String) k, (String) v));
        return out;
    }

    @Test
    void japaneseHasEveryEnglishKeyWithTheSamePlaceholders() throws IOException {
        Map<String, String> en = bundle("messages.properties");
        Map<String, String> ja = bundle("messages_ja.properties");
        assertThat(new TreeSet<>(ja.keySet())).as("keys of messages_ja.properties").isEqualTo(new TreeSet<>(en.keySet()));
        List<String> mismatched = new ArrayList<>();
        for (var e : en.entrySet()) {
            String translated = ja.get(e.getKey());
            if (translated.isBlank() || !placeholders(e.getValue()).equals(placeholders(translated))) {
                mismatched.add(e.getKey());
            }
        }
        assertThat(mismatched).as("blank, or other placeholders than in English").isEmpty();
    }

    @Test
    void everyKeyIsUsedByATemplateOrTheCode() throws IOException {
        StringBuilder code = new StringBuilder();
        for (Path root : List.of(TEMPLATES, SOURCES)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    code.append(Files.readString(f)).append('\n');
                }
            }
        }
        String all = code.toString();
        List<String> unused = new ArrayList<>();
        for (String key : bundle("messages.properties").keySet()) {
            String base = key.replaceFirst("\\.(one|other)$", "");
            // error.<code> texts are looked up by the code of the error; their codes are the API's, not ours to list
            if (!key.startsWith("error.") && !all.contains('"' + key + '"') && !all.contains('"' + base + '"')
                    && !usedByPrefix(all, key)) {
                unused.add(key);
            }
        }
        assertThat(unused).as("keys nobody uses").isEmpty();
    }

    @Test
    void noTemplateShowsAnEnglishWordOfItsOwn() throws IOException {
        Map<String, List<String>> english = new TreeMap<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jte")).toList()) {
                String name = TEMPLATES.relativize(f).toString().replace('\\', '/');
                List<String> words = TemplateText.words(Files.readString(f)).stream()
                        .filter(w -> !NOT_ENGLISH.contains(w.toLowerCase(Locale.ROOT))).toList();
                if (NOT_YET_TRANSLATED.contains(name)) {
                    assertThat(words).as(name + " has no English left: take it off NOT_YET_TRANSLATED").isNotEmpty();
                } else if (!words.isEmpty()) {
                    english.put(name, words);
                }
            }
        }
        assertThat(english).as("hard-coded words; put them in messages.properties and write ${c.t(\"key\")}").isEmpty();
    }

    @Test
    void theScannerSeesTextAndVisibleAttributesButNotCode() {
        assertThat(TemplateText.words("@param Chrome c\n<p title=\"Hello\">${c.t(\"a.b\")} Reply @if(x)<b>Bold</b>@endif</p>"))
                .containsExactly("Hello", "Reply", "Bold");
        assertThat(TemplateText.words("@template.layout(c = c, content = @`\n<h1>${c.t(\"x\")}</h1> Stray\n`)"))
                .containsExactly("Stray");
        assertThat(TemplateText.words("<a href=\"${c.links().home()}\" class=\"logo\">$unsafe{c.html(\"k\", \"}\")}</a>"))
                .isEmpty();
    }

    @Test
    void aMissingKeyFallsBackToEnglishAndThenToItself() {
        Texts ja = Texts.of(Locale.JAPANESE);
        assertThat(ja.t("nav.forums")).isEqualTo("フォーラム");
        assertThat(Texts.of(Locale.forLanguageTag("ja-JP")).lang()).isEqualTo("ja");
        assertThat(Texts.of(Locale.GERMAN)).isSameAs(Texts.english());
        assertThat(ja.t("no.such.key")).isEqualTo("no.such.key");
        assertThat(ja.t("thread.replies.other", "3")).isEqualTo("返信 3 件");
        assertThat(Texts.english().html("thread.guestReply", "/login?next=\"x\"&y", "/register"))
                .contains("href=\"/login?next=&#34;x&#34;&amp;y\"");
    }

    @Test
    void acceptLanguagePicksASupportedLanguageOrNone() {
        assertThat(Languages.fromHeader("ja-JP,ja;q=0.9,en-US;q=0.8")).isEqualTo(Locale.JAPANESE);
        assertThat(Languages.fromHeader("fr-FR,en;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.fromHeader("fr-FR")).isNull();
        assertThat(Languages.fromHeader("*")).isNull();
        assertThat(Languages.fromHeader(";;;q=x")).isNull();
        assertThat(Languages.fromHeader(null)).isNull();
    }

    /** A key made in code from a prefix and a name ({@code "members.sort." + s.key()}): the prefix is written out. */
    private static boolean usedByPrefix(String code, String key) {
        for (int dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
            if (code.contains('"' + key.substring(0, dot + 1) + "\" +")) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
