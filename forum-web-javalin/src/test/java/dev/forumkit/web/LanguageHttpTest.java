package dev.forumkit.web;

import dev.forumkit.core.member.Member;
import dev.forumkit.core.profile.DateStyle;
import dev.forumkit.core.profile.ProfileEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pages' language over HTTP: Japanese for a browser that asks for it, a member's own choice over the browser's,
 * the host's choice over both, English by default; Japanese dates; the API's error codes stay as they are.
 */
class LanguageHttpTest {
    @RegisterExtension
    static final Fixture f = Fixture.perClass();
    private static final String JAPANESE_DATE = "\\d{4}年\\d{1,2}月\\d{1,2}日";

    private static String thread() {
        return "/threads/cherry-blossom-season." + f.threadId() + "/";
    }

    private static Client.Response get(Client c, String path, String acceptLanguage) {
        return c.send("GET", path, null, "Accept-Language", acceptLanguage);
    }

    @Test
    void a_browser_asking_for_japanese_gets_japanese_pages_with_japanese_dates() {
        Client.Response index = get(f.guest(), "/", "ja-JP,ja;q=0.9,en;q=0.5");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("<html lang=\"ja\">").contains(">フォーラム</a>").contains(">新規登録</a>")
                .contains("<title>フォーラム | forumkit</title>").contains("<dt>スレッド</dt>")
                .doesNotContain(">Forums<").doesNotContain(">Register<");
        assertThat(index.header("Vary")).contains("Accept-Language");

        Client.Response page = get(f.guest(), thread(), "ja");
        assertThat(page.body()).contains("スレッド作成者").contains("返信 1 件").contains("今すぐ参加")
                .containsPattern("<time datetime=\"[^\"]+\">" + JAPANESE_DATE + "</time>")
                .containsPattern("<time datetime=\"[^\"]+\">" + JAPANESE_DATE + " \\d{1,2}:\\d{2}</time>");
        assertThat(page.body()).as("the names people gave stay as written").contains("Cherry blossom season");
    }

    @Test
    void english_stays_the_default_and_an_unsupported_language_gets_it() {
        for (String header : new String[] {null, "fr-FR,de;q=0.8", "*", "en-GB"}) {
            Client.Response r = header == null ? f.guest().get("/") : get(f.guest(), "/", header);
            assertThat(r.body()).as(String.valueOf(header)).contains("<html lang=\"en\">").contains(">Forums</a>")
                    .contains(">Register</a>");
        }
        assertThat(f.guest().get(thread()).body()).contains("Thread starter").contains("1 reply")
                .containsPattern("<time datetime=\"[^\"]+\">\\d{1,2} [A-Z][a-z]{2} \\d{4}</time>");
    }

    @Test
    void a_members_language_from_the_account_page_beats_the_browsers() {
        Member kei = f.member("kei");
        Client c = f.signedIn(kei);
        Client.Response saved = c.send("POST", "/account/profile", "language=ja&date_style=day_month_year&time_zone="
                + URLEncoder.encode("Asia/Tokyo", StandardCharsets.UTF_8), "Content-Type", "application/x-www-form-urlencoded");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).as("the page that confirms it already speaks Japanese")
                .contains("<html lang=\"ja\">").contains("プロフィールを保存しました。");
        assertThat(c.get("/api/v1/me/profile").json().path("profile").path("language").asText()).isEqualTo("ja");

        Client.Response page = get(c, thread(), "en-US,en;q=0.9");
        assertThat(page.body()).contains("<html lang=\"ja\">").contains("スレッド作成者")
                .as("a day-month style means the Japanese date in Japanese")
                .containsPattern("<time datetime=\"[^\"]+\">" + JAPANESE_DATE + " \\d{1,2}:\\d{2}</time>");

        c.send("POST", "/account/profile", "language=en&date_style=iso", "Content-Type", "application/x-www-form-urlencoded");
        assertThat(get(c, "/", "ja").body()).contains("<html lang=\"en\">").contains(">Forums</a>");
        c.send("POST", "/account/profile", "language=", "Content-Type", "application/x-www-form-urlencoded");
        assertThat(get(c, "/", "ja").body()).as("no preference: the browser's language").contains("<html lang=\"ja\">");
    }

    @Test
    void a_bad_language_is_refused_beside_its_field_and_nothing_is_saved() {
        Member ren = f.member("ren");
        f.forum.profiles().update(Fixture.as(ren), ren.id(), new ProfileEdit("About ren", null, null, null, null,
                DateStyle.ISO, false, false, "ja"));
        Client c = f.signedIn(ren);
        Client.Response r = c.put("/api/v1/me/profile", "{\"about\":\"changed\",\"language\":\"<b>\"}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorCode()).isEqualTo("unknown_language");
        assertThat(f.forum.profiles().of(ren.id()).about()).isEqualTo("About ren");
        assertThat(f.forum.profiles().of(ren.id()).language()).isEqualTo("ja");
    }

    @Test
    void form_errors_show_in_japanese_while_the_api_keeps_its_codes() {
        Client.Response form = f.guest().send("POST", "/login", "login=&password=", "Content-Type",
                "application/x-www-form-urlencoded", "Accept-Language", "ja");
        assertThat(form.status()).isEqualTo(422);
        assertThat(form.body()).contains("<html lang=\"ja\">").contains("入力してください").doesNotContain("login is required");

        Client.Response api = f.guest().send("POST", "/api/v1/session", "{\"login\":\"\",\"password\":\"\"}",
                "Accept-Language", "ja");
        assertThat(api.status()).isEqualTo(422);
        assertThat(api.errorCode()).isEqualTo("required");
    }

    @Test
    void the_host_chooses_first_and_sets_the_default() {
        try (TestServer host = TestServer.start(c -> c.locale(ctx -> "ja".equals(ctx.queryParam("lang")) ? Locale.JAPANESE : null))) {
            new Fixture(host);
            assertThat(get(host.client(), "/?lang=ja", "en").body()).contains("<html lang=\"ja\">");
            assertThat(get(host.client(), "/", "en").body()).as("no opinion: the browser's").contains("<html lang=\"en\">");
        }
        try (TestServer japan = TestServer.start(c -> c.defaultLocale(Locale.JAPAN))) {
            new Fixture(japan);
            assertThat(japan.client().get("/").body()).contains("<html lang=\"ja\">").contains(">フォーラム</a>");
            assertThat(get(japan.client(), "/", "en-US").body()).contains("<html lang=\"en\">");
        }
        assertThatThrownBy(() -> TestServer.start(c -> c.defaultLocale(Locale.GERMAN)))
                .hasMessageContaining("not de");
    }
}
