package dev.forumkit.core.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The e-mail bundles: Japanese has every English key with the same placeholders; other languages get English. */
class MailTextsTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MailTexts.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d}").matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void japaneseHasEveryKeyWithTheSamePlaceholders() throws IOException {
        Properties en = load("mail.properties");
        Properties ja = load("mail_ja.properties");
        assertThat(ja.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertThat(placeholders(ja.getProperty(key))).as(key).isEqualTo(placeholders(en.getProperty(key)));
        }
    }

    @Test
    void textsFillTheirPlaceholdersAndFallBackToEnglish() {
        assertThat(MailTexts.of(Locale.JAPANESE).t("hello", "kei")).isEqualTo("kei さん");
        assertThat(MailTexts.of(Locale.forLanguageTag("ja-JP")).t("hello", "kei")).isEqualTo("kei さん");
        assertThat(MailTexts.of(Locale.GERMAN).t("hello", "kei")).isEqualTo("Hello kei,");
        assertThat(MailTexts.of(Locale.JAPANESE).t("no.such.key")).isEqualTo("no.such.key");
        assertThat(MailTexts.supports(Locale.FRENCH)).isFalse();
    }
}
