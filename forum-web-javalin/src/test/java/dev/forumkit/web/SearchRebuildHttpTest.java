package dev.forumkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.memory.InMemorySearchIndex;
import dev.forumkit.core.search.SearchGenerations;
import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.markup.ForumMarkupRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin rebuilds the search index over HTTP while the server serves: 202 at once, progress on GET, then done. */
class SearchRebuildHttpTest {
    private static final AtomicInteger PROMOTED = new AtomicInteger();
    @RegisterExtension
    static final Fixture f = Fixture.perClass(() -> Forum.create(new InMemoryForumStorage(), c -> c
            .passwordHasher(new Pbkdf2PasswordHasher(1_000)).viewFlushInterval(Duration.ZERO)
            .markupRenderer(ForumMarkupRenderer.create()).searchGenerations(new SearchGenerations() {
                @Override
                public SearchIndex next() {
                    return new InMemorySearchIndex();
                }

                @Override
                public void promoted(SearchIndex live, SearchIndex retired) {
                    PROMOTED.incrementAndGet();
                    retired.close();
                }

                @Override
                public void discarded(SearchIndex unfinished) {
                    unfinished.close();
                }
            })));

    @Test
    void anAdminStartsARebuildAndFollowsItToTheEnd() throws InterruptedException {
        f.forum.posts().reply(Fixture.as(f.pat), f.opening.threadId(), "Fuji hill climb at dawn");
        f.forum.outbox().drain();
        Client admin = f.signedIn(f.admin);
        assertThat(admin.get("/api/v1/admin/search/rebuild").json().path("rebuild").path("state").asText()).isEqualTo("none");

        Client.Response started = admin.post("/api/v1/admin/search/rebuild", "{}");

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().path("rebuild").path("available").asBoolean()).isTrue();
        JsonNode status = started.json().path("rebuild");
        long giveUp = System.nanoTime() + 20_000_000_000L;
        while (!status.path("state").asText().equals("done") && System.nanoTime() < giveUp) {
            Thread.sleep(20);
            status = admin.get("/api/v1/admin/search/rebuild").json().path("rebuild");
        }
        assertThat(status.path("state").asText()).isEqualTo("done");
        assertThat(status.path("written").asLong()).isEqualTo(status.path("total").asLong()).isPositive();
        assertThat(PROMOTED.get()).isEqualTo(1);
        assertThat(f.guest().get("/api/v1/search?q=fuji").json().path("results")).hasSize(1);
        assertThat(admin.get("/admin/search").body()).contains("data-state=\"done\"").contains("Rebuild now");
        assertThat(f.signedIn(f.mia).post("/api/v1/admin/search/rebuild", "{}").status()).isEqualTo(403);
    }
}
