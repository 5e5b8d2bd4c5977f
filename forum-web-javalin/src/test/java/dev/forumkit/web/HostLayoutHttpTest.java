package dev.forumkit.web;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.post.Post;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host Javalin app with its own pages under {@code /} and the forum under {@code /community} in the host's page
 * frame: forum pages carry the host's header and footer, the forum's content and navigation, and the forum's security
 * headers; the host's own routes carry none of them; the JSON API is as it always is.
 */
class HostLayoutHttpTest {
    private static final List<String> FORUM_HEADERS = List.of("Content-Security-Policy", "X-Content-Type-Options",
            "Referrer-Policy", "X-Frame-Options");
    private static Forum forum;
    private static Javalin host;
    private static Member ann;
    private static Post opening;
    private static String origin;

    @BeforeAll
    static void start() {
        forum = TestServer.inMemoryForum();
        Member admin = forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", Fixture.PASSWORD));
        ann = forum.members().register(new Registration("ann", "ann@example.org", Fixture.PASSWORD));
        Board board = forum.boards().createBoard(Actor.member(admin.id()),
                forum.boards().createCategory(Actor.member(admin.id()), "Rides", "").id(), "Gravel & dirt", "Off the tarmac", null);
        opening = forum.threads().start(Actor.member(ann.id()), board.id(), "Tyres <for> mud", "Which width?");
        host = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/", ctx -> ctx.html("<h1>Host home</h1>"));
            config.registerPlugin(new ForumPlugin(f -> f
                    .forum(forum)
                    .basePath("/community")
                    .limits(LimitsConfig::noRateLimits)
                    .security(s -> s.contentSecuritySource("style-src", "https://static.host.example"))
                    .pageFrame((ctx, page) -> "<!DOCTYPE html><html lang=\"en\"><head><title>"
                            + escape(page.title()) + " | Host</title>" + page.head()
                            + "<link rel=\"stylesheet\" href=\"https://static.host.example/host.css\"></head><body>"
                            + "<header class=\"host-header\">Host header"
                            + (page.viewer().signedIn() ? " for " + escape(page.viewer().username())
                                    + " (" + page.viewer().unreadAlerts() + " alerts)" : "") + "</header>"
                            + page.navigation() + page.breadcrumbs() + page.content()
                            + "<footer class=\"host-footer\">Host footer, status " + page.status() + "</footer></body></html>")));
        }).start("127.0.0.1", 0);
        origin = "http://127.0.0.1:" + host.port();
    }

    @AfterAll
    static void stop() {
        host.stop();
        forum.close();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Client guest() {
        return new Client(origin + "/community", "127.0.0.1:" + host.port());
    }

    @Test
    void a_forum_page_is_the_hosts_page_around_the_forums_content_and_navigation() {
        Client.Response index = guest().get("/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body())
                .startsWith("<!DOCTYPE html><html lang=\"en\"><head><title>Forums | Host</title>")
                .contains("<header class=\"host-header\">Host header</header>", "<footer class=\"host-footer\">Host footer, status 200</footer>")
                .contains("href=\"/community/assets/forumkit.css\"", "src=\"/community/assets/forumkit.js\"")
                .contains("Gravel &amp; dirt")                                                  // the content
                .contains("<div class=\"forumkit fk-nav\">", "href=\"/community/whats-new/\"",  // the navigation block
                        "action=\"/community/search/\"", "href=\"/community/login", "href=\"/community/register\"")
                .contains("<div class=\"forumkit fk-content\" data-api=\"/community/api/v1\">", "<main id=\"content\"")
                .doesNotContain("class=\"site-header\"", "class=\"logo\"", "class=\"site-footer\"", "Powered by forumkit",
                        "forumkit | Host", "<title>Forums | forumkit</title>");
        assertThat(index.body().indexOf("fk-nav")).isLessThan(index.body().indexOf("fk-content"));
    }

    @Test
    void a_thread_page_in_the_frame_has_its_title_breadcrumbs_and_the_signed_in_members_links() {
        Client annsBrowser = guest().signIn("ann", Fixture.PASSWORD);
        Client.Response thread = annsBrowser.get("/posts/" + opening.id().value() + "/");
        assertThat(thread.status()).isEqualTo(302);
        String location = thread.header("Location");
        Client.Response page = annsBrowser.get(location.substring("/community".length()));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<title>Tyres &lt;for&gt; mud | Host</title>")                          // the host escaped the plain title
                .contains("<header class=\"host-header\">Host header for ann (0 alerts)</header>")
                .contains("<div class=\"forumkit fk-crumbs\">", "<nav class=\"breadcrumbs\"", "Gravel &amp; dirt</a>")
                .contains("class=\"alerts-link\"", "class=\"conversations-link\"", "class=\"account-link\"", "Log out")
                .contains("Which width?", "<link rel=\"canonical\"")
                .doesNotContain("class=\"logo\"");
    }

    @Test
    void the_forums_error_pages_are_framed_too() {
        Client.Response missing = guest().get("/no-such-page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("<header class=\"host-header\">", "Host footer, status 404", "data-error-code=\"not_found\"")
                .doesNotContain("class=\"logo\"");
    }

    @Test
    void the_json_api_is_not_framed() {
        Client.Response boards = guest().get("/api/v1/boards");
        assertThat(boards.status()).isEqualTo(200);
        assertThat(boards.header("Content-Type")).startsWith("application/json");
        assertThat(boards.body()).startsWith("{").doesNotContain("Host header");
        assertThat(boards.json().path("categories").path(0).path("boards").path(0).path("title").asText()).isEqualTo("Gravel & dirt");
    }

    @Test
    void the_forums_security_headers_are_on_forum_pages_and_api_but_never_on_the_hosts_routes() {
        Client.Response hostHome = new Client(origin, "127.0.0.1:" + host.port()).get("/");
        assertThat(hostHome.body()).isEqualTo("<h1>Host home</h1>");
        for (String name : FORUM_HEADERS) {
            assertThat(hostHome.header(name)).as(name + " on the host's route").isNull();
        }
        for (String path : List.of("/", "/api/v1/boards", "/no-such-page", "/api/v1/no-such-route")) {
            Client.Response r = guest().get(path);
            for (String name : FORUM_HEADERS) {
                assertThat(r.header(name)).as(name + " on " + path).isNotNull();
            }
            assertThat(r.header("Content-Security-Policy")).as(path)
                    .contains("style-src 'self' https://static.host.example;")
                    .contains("script-src 'self';", "frame-ancestors 'self'");
        }
    }

    @Test
    void without_a_frame_the_forum_draws_its_own_chrome_around_the_same_parts() {
        try (TestServer own = TestServer.start()) {
            String page = own.client().get("/").body();
            assertThat(page).contains("<title>Forums | forumkit</title>", "<body class=\"forumkit forumkit-page\" data-api=\"/api/v1\">",
                    "<header class=\"site-header\"", "class=\"logo\"", "<nav class=\"primary-nav\"", "Powered by forumkit")
                    .doesNotContain("fk-nav", "fk-content");
        }
    }

    @Test
    void a_frame_that_fails_leaves_the_error_page_in_the_forums_own_chrome() {
        for (PageFrame broken : List.<PageFrame>of((ctx, page) -> {
            throw new IllegalStateException("the host's template has a bug");
        }, (ctx, page) -> null)) {
            try (TestServer own = TestServer.startAt("/community", c -> c.pageFrame(broken))) {
                Client.Response r = own.client().get("/");
                assertThat(r.status()).isEqualTo(500);
                assertThat(r.body()).contains("class=\"site-header\"", "data-error-code=\"internal_error\"");
                assertThat(own.client().get("/api/v1/boards").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void the_readme_example_frames_the_forum_and_is_the_readmes() throws Exception {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // as in the README "In the host's layout"
            config.registerPlugin(new ForumPlugin(f -> f
                    .forum(forum)
                    .basePath("/community")
                    .security(s -> s.contentSecuritySource("style-src", "https://static.example.org"))   // the host's stylesheet
                    .pageFrame((ctx, page) -> """
                            <!DOCTYPE html><html lang="en"><head><title>%s | Example</title>%s
                            <link rel="stylesheet" href="https://static.example.org/site.css"></head>
                            <body><header class="example-header">Example</header>%s%s%s<footer class="example-footer">Example Ltd</footer></body></html>
                            """.formatted(escape(page.title()), page.head(), page.navigation(), page.breadcrumbs(), page.content()))));
        }).start("127.0.0.1", 0);
        try {
            Client.Response r = new Client("http://127.0.0.1:" + app.port() + "/community", "127.0.0.1:" + app.port()).get("/");
            assertThat(r.body()).startsWith("<!DOCTYPE html><html lang=\"en\"><head><title>Forums | Example</title>")
                    .contains("<header class=\"example-header\">Example</header>", "Gravel &amp; dirt", "Example Ltd</footer>");
            assertThat(r.header("Content-Security-Policy")).contains("style-src 'self' https://static.example.org;");
        } finally {
            app.stop();
        }
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        assertThat(readme).contains("""
                        .security(s -> s.contentSecuritySource("style-src", "https://static.example.org"))   // the host's stylesheet
                        .pageFrame((ctx, page) -> \"""
                                <!DOCTYPE html><html lang="en"><head><title>%s | Example</title>%s
                                <link rel="stylesheet" href="https://static.example.org/site.css"></head>
                                <body><header class="example-header">Example</header>%s%s%s<footer class="example-footer">Example Ltd</footer></body></html>
                                \""".formatted(escape(page.title()), page.head(), page.navigation(), page.breadcrumbs(), page.content()))));
                """);
    }
}
