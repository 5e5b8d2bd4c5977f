package dev.forumkit.app;

import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.memory.InMemoryForumStorage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's own routes over HTTP: health, first-start set-up, demo data. */
class ForumServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Settings settings(String adminUser, String adminPassword) {
        return new Settings("127.0.0.1", 0, Path.of("unused"), null, null, null, null, adminUser,
                adminUser == null ? null : adminUser + "@example.org", adminPassword, false, true, false, false);
    }

    private static Forum forum(InMemoryForumStorage storage) {
        return Forum.create(storage, c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000)).viewFlushInterval(Duration.ZERO));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void ready_says_whether_the_database_answers_and_health_only_that_the_process_serves() throws Exception {
        InMemoryForumStorage storage = new InMemoryForumStorage();
        try (ForumServer server = new ForumServer(settings(null, null), storage, forum(storage))) {
            int port = server.start();
            HttpResponse<String> r = get("http://127.0.0.1:" + port + "/ready");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"database\":\"up\"").contains("\"migrations\":\"applied\"");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            HttpResponse<String> live = get("http://127.0.0.1:" + port + "/health");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).isEqualTo("{\"status\":\"ok\"}");
        }
    }

    @Test
    void without_admin_settings_a_one_time_link_creates_the_first_admin() throws Exception {
        InMemoryForumStorage storage = new InMemoryForumStorage();
        Forum forum = forum(storage);
        try (ForumServer server = new ForumServer(settings(null, null), storage, forum)) {
            int port = server.start();
            server.adminFromSettings();
            String link = server.setupLink(port);
            assertThat(link).startsWith("http://localhost:" + port + "/setup?token=");
            String token = link.substring(link.indexOf("token=") + 6);
            String base = "http://127.0.0.1:" + port;
            assertThat(get(base + "/setup?token=wrong").statusCode()).isEqualTo(404);
            assertThat(get(base + "/setup?token=" + token).body()).contains("<form");
            HttpResponse<String> made = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/setup"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&username=root&email=root%40example.org&password=long+enough"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(made.statusCode()).isEqualTo(200);
            assertThat(forum.members().needsFirstAdmin()).isFalse();
            assertThat(get(base + "/setup?token=" + token).statusCode()).as("the link works once").isEqualTo(404);
            assertThat(server.setupLink(port)).isNull();
        }
    }

    @Test
    void admin_settings_make_the_first_admin_and_no_link() {
        InMemoryForumStorage storage = new InMemoryForumStorage();
        Forum forum = forum(storage);
        try (ForumServer server = new ForumServer(settings("boss", "long enough"), storage, forum)) {
            server.adminFromSettings();
            assertThat(forum.members().byUsername("boss").orElseThrow().role().name()).isEqualTo("ADMIN");
            assertThat(server.setupLink(8080)).isNull();
        }
    }

    @Test
    void the_demo_fills_an_empty_forum_once_with_our_own_community() {
        InMemoryForumStorage storage = new InMemoryForumStorage();
        Forum forum = forum(storage);
        List<DemoData.Account> accounts = new DemoData(forum, storage).seedIfEmpty();
        assertThat(accounts).extracting(DemoData.Account::username).containsExactly("admin", "kenji", "mina");
        var kenji = forum.members().byUsername("kenji").orElseThrow();
        assertThat(kenji.customTitle()).isEqualTo("Unswerving cyclist");
        assertThat(kenji.reactionScore()).isEqualTo(2);
        var board = forum.boards().boards().get(0);
        assertThat(board.guestNotice()).contains("join today");
        var page = forum.reading().threadPage(dev.forumkit.core.Actor.guest(), board.lastPost().threadId(), 1);
        assertThat(page.posts().items()).hasSize(4);
        assertThat(page.posts().items().get(1).post().body()).startsWith("[quote=kenji post=");
        assertThat(page.posts().items().get(0).post().body()).contains("https://");
        assertThat(forum.counters().recountAsSystem(false).clean()).isTrue();
        assertThat(page.posts().items().get(1).author().banner()).as("the admin's staff badge").isEqualTo("Staff");
        var staffRoom = forum.boards().boards().stream().filter(b -> b.title().equals("Staff room")).findFirst().orElseThrow();
        assertThat(forum.permissions().canSee(dev.forumkit.core.Actor.member(kenji.id()), staffRoom.id())).isFalse();
        assertThat(forum.permissions().canSee(dev.forumkit.core.Actor.guest(), staffRoom.id())).isFalse();
        assertThat(new DemoData(forum, storage).seedIfEmpty()).isEmpty();
    }
}
