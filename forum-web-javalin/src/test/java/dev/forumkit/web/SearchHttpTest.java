package dev.forumkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.post.Post;
import dev.forumkit.markup.ForumMarkupRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search on the real server, as a page and as JSON: results link to post permalinks, snippets are escaped whatever
 * the post held (the hostile-input corpus included), bad input is a 422 naming the field, never a 500, and guests
 * are rate-limited per address.
 */
class SearchHttpTest {
    @RegisterExtension
    static final Fixture f = Fixture.perClass(() -> Forum.create(new InMemoryForumStorage(), c -> c
            .passwordHasher(new Pbkdf2PasswordHasher(1_000)).viewFlushInterval(Duration.ZERO)
            .markupRenderer(ForumMarkupRenderer.create())));
    private static final Pattern SNIPPET = Pattern.compile("<p class=\"search-snippet\">(.*?)</p>", Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("<h3 class=\"search-title\"><a href=\"[^\"]*\">(.*?)</a>", Pattern.DOTALL);

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void theResultsPageLinksEachPostsPermalinkWithTheMatchHighlighted() {
        Post reply = f.forum.posts().reply(Fixture.as(f.mia), f.opening.threadId(), "Maruyama park has the weeping cherry.").post();
        f.forum.outbox().drain();

        Client.Response page = f.guest().get("/search/?q=" + q("weeping cherry"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<a href=\"/posts/" + reply.id().value() + "/\">")
                .contains("<mark>weeping</mark> <mark>cherry</mark>")
                .contains("data-total=\"1\"")
                .contains("name=\"robots\" content=\"noindex\"");
        // the header box on every page is a plain GET form to the same page
        assertThat(f.guest().get("/").body()).contains("<form class=\"header-search\" method=\"get\" action=\"/search/\"");
        assertThat(f.guest().get("/search").status()).isEqualTo(200);
        assertThat(f.guest().get("/search/").body()).contains("Search the forum").doesNotContain("search-results");
    }

    @Test
    void theJsonApiAnswersWithResultsAndThePaginationBlock() {
        for (int i = 0; i < 23; i++) {
            f.forum.posts().reply(Fixture.as(f.pat), f.opening.threadId(), "Hanami picnic spot number " + i);
        }
        f.forum.outbox().drain();

        JsonNode first = f.guest().get("/api/v1/search?q=hanami&sort=date").json();
        assertThat(first.path("results")).hasSize(20);
        JsonNode r = first.path("results").path(0);
        assertThat(r.path("url").asText()).isEqualTo("/posts/" + r.path("post_id").asLong() + "/");
        assertThat(r.path("thread").path("title").asText()).isEqualTo("Cherry blossom season");
        assertThat(r.path("board").path("title").asText()).isEqualTo("Japan");
        assertThat(r.path("author").path("username").asText()).isEqualTo("pat");
        assertThat(r.path("snippet").toString()).contains("{\"text\":\"Hanami\",\"highlighted\":true}");
        assertThat(first.path("pagination").path("total").asLong()).isEqualTo(23);
        assertThat(first.path("pagination").path("last_page").asInt()).isEqualTo(2);
        assertThat(first.path("pagination").path("per_page").asInt()).isEqualTo(20);
        JsonNode second = f.guest().get("/api/v1/search?q=hanami&sort=date&page=2").json();
        assertThat(second.path("results")).hasSize(3);
        assertThat(second.path("pagination").path("current_page").asInt()).isEqualTo(2);
        // the HTML pages link to each other with the search kept
        assertThat(f.guest().get("/search/?q=hanami&sort=date").body()).contains("href=\"/search/?q=hanami&amp;sort=date&amp;page=2\"");
    }

    @Test
    void pastAThousandMatchesThePageAndTheApiSayMoreThanAThousand() {
        for (int i = 0; i < 1_005; i++) {
            f.forum.posts().reply(Fixture.as(f.pat), f.opening.threadId(), "Sakura viewing log " + i);
        }
        f.forum.outbox().drain();

        JsonNode json = f.guest().get("/api/v1/search?q=sakura").json();
        assertThat(json.path("total_exact").asBoolean()).isFalse();
        assertThat(json.path("pagination").path("total").asLong()).isEqualTo(1_000);
        assertThat(json.path("pagination").path("last_page").asInt()).isEqualTo(50);
        assertThat(f.guest().get("/api/v1/search?q=sakura&page=50").json().path("results")).hasSize(20);
        assertThat(f.guest().get("/search/?q=sakura").body()).contains("data-total-exact=\"false\"")
                .contains("More than 1,000 posts found");
        assertThat(f.guest().get("/api/v1/search?q=" + q("sakura \"log 7\"")).json().path("total_exact").asBoolean()).isTrue();
    }

    @Test
    void badInputIsA422NamingTheFieldNeverA500() {
        assertThat(f.guest().get("/api/v1/search?q=").json().path("errors").path(0).path("field").asText()).isEqualTo("q");
        assertThat(f.guest().get("/api/v1/search?q=").status()).isEqualTo(422);
        // 10,000 characters do not fit the server's 8 KiB request line (414, from Jetty); 5,000 reach the search
        assertThat(f.guest().get("/api/v1/search?q=" + "a".repeat(10_000)).status()).isEqualTo(414);
        assertThat(f.guest().get("/api/v1/search?q=" + "a".repeat(5_000)).json().path("errors").path(0).path("code").asText())
                .isEqualTo("too_long");
        assertThat(f.guest().get("/api/v1/search?q=kyoto&from=2026-05-02&to=2026-05-01").json()
                .path("errors").path(0).path("field").asText()).isEqualTo("to");
        assertThat(f.guest().get("/api/v1/search?q=kyoto&from=yesterday").status()).isEqualTo(422);
        assertThat(f.guest().get("/api/v1/search?q=kyoto&sort=best").status()).isEqualTo(422);
        assertThat(f.guest().get("/api/v1/search?q=kyoto&board=x").status()).isEqualTo(422);
        assertThat(f.guest().get("/api/v1/search?q=kyoto&page=9999").status()).isEqualTo(422);
        assertThat(f.guest().get("/api/v1/search?q=kyoto&author=nobody-at-all").status()).isEqualTo(422);
        for (String hostile : List.of("\"unbalanced", "title:(kyoto OR", "kyoto~2^3", "[* TO *]", "\\", "&&||!", "%00", "-",
                "*", "' OR 1=1 --", "<script>alert(1)</script>")) {
            int status = f.guest().get("/api/v1/search?q=" + q(hostile)).status();
            assertThat(status).as(hostile).isIn(200, 422);
        }
        Client.Response page = f.guest().get("/search/?q=kyoto&from=2026-05-02&to=2026-05-01");
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("The end date is before the start date.").contains("value=\"kyoto\"");
        Client.Response escaped = f.guest().get("/search/?q=" + q("<b>\"x\"</b>"));
        assertThat(escaped.body()).contains("value=\"&lt;b>&#34;x&#34;&lt;/b>\"").doesNotContain("<b>\"x\"</b>");
    }

    @Test
    void snippetsOfHostilePostsCarryNoMarkup() throws IOException {
        List<String> vectors = corpus();
        assertThat(vectors).hasSizeGreaterThan(500);
        List<String> taken = vectors.subList(0, Math.min(vectors.size(), 900));
        int accepted = 0;
        for (String v : taken) {
            try {
                f.forum.posts().reply(Fixture.as(f.mia), f.opening.threadId(), "zebracrossing " + v);
                accepted++;
            } catch (dev.forumkit.core.InvalidInputException e) {
                // a body the forum refuses (control characters, lone surrogates) never reaches the index
            }
        }
        f.forum.outbox().drain();

        int seen = 0;
        int last = f.guest().get("/api/v1/search?q=zebracrossing").json().path("pagination").path("last_page").asInt();
        assertThat(last).isEqualTo((accepted + 19) / 20);
        for (int page = 1; page <= last; page++) {
            Client.Response r = f.guest().get("/search/?q=zebracrossing&sort=date&page=" + page);
            assertThat(r.status()).isEqualTo(200);
            for (Pattern p : List.of(SNIPPET, TITLE)) {
                Matcher m = p.matcher(r.body());
                while (m.find()) {
                    String shown = m.group(1).replace("<mark>", "").replace("</mark>", "");
                    assertThat(shown).as("page " + page).doesNotContain("<").doesNotContain(">");
                    seen += p == SNIPPET ? 1 : 0;
                }
            }
            JsonNode json = f.guest().get("/api/v1/search?q=zebracrossing&sort=date&page=" + page).json();
            assertThat(json.path("results")).isNotEmpty();
        }
        assertThat(seen).isEqualTo(accepted);
        assertThat(accepted).isGreaterThan(taken.size() / 2);
        // hostile strings as searches: an answer or a clear error, never a 500
        for (String v : vectors.subList(0, 300)) {
            int status = f.guest().get("/api/v1/search?q=" + q(v.length() > 400 ? v.substring(0, 400) : v)).status();
            assertThat(status).as(v).isIn(200, 422);
        }
    }

    @Test
    void guestsAreRateLimitedPerAddressMembersAreNot() {
        try (TestServer limited = TestServer.start(c -> c.limits(l -> l.noRateLimits()
                .searchPerGuestIp(RateLimit.of(3, Duration.ofMinutes(1)))))) {
            limited.forum.members().registerFirstAdmin(new dev.forumkit.core.member.Registration("pat", "pat@example.org", Fixture.PASSWORD));
            Client guest = limited.client();
            for (int i = 0; i < 3; i++) {
                assertThat(guest.get("/api/v1/search?q=kyoto").status()).isEqualTo(200);
            }
            Client.Response refused = guest.get("/api/v1/search?q=kyoto");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(guest.get("/search/?q=kyoto").status()).isEqualTo(429);
            Client member = limited.client().signIn("pat", Fixture.PASSWORD);
            for (int i = 0; i < 5; i++) {
                assertThat(member.get("/api/v1/search?q=kyoto").status()).isEqualTo(200);
            }
        }
    }

    /** Every payload of the hostile-input corpus forum-markup's tests keep (one per line, de-duplicated). */
    private static List<String> corpus() throws IOException {
        Path root = Path.of("..", "forum-markup", "src", "test", "resources", "corpus");
        Set<String> out = new LinkedHashSet<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\r?\n")) {
                    if (!line.isBlank() && !line.startsWith("#") && line.length() < 2000) {
                        out.add(line);
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }
}
