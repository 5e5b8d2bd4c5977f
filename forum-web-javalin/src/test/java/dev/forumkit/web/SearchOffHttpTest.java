package dev.forumkit.web;

import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.markup.ForumMarkupRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A forum that runs without search indexing: search says it is unavailable, everything else works. */
class SearchOffHttpTest {
    @RegisterExtension
    static final Fixture f = Fixture.perClass(() -> Forum.create(new InMemoryForumStorage(), c -> c
            .passwordHasher(new Pbkdf2PasswordHasher(1_000)).viewFlushInterval(Duration.ZERO)
            .markupRenderer(ForumMarkupRenderer.create()).searchIndexing(false)));

    @Test
    void theApiAnswers503WithItsCode() {
        Client.Response r = f.guest().get("/api/v1/search?q=fuji");

        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.json().path("errors").path(0).path("code").asText()).isEqualTo("search_unavailable");
    }

    @Test
    void theSearchPageSaysSoWithAndWithoutAQuery() {
        for (String path : new String[] {"/search/?q=fuji", "/search/"}) {
            Client.Response r = f.guest().get(path);
            assertThat(r.status()).as(path).isEqualTo(503);
            assertThat(r.body()).contains("Search is unavailable").contains("Search is turned off on this forum.");
        }
    }

    @Test
    void repliesAndThreadPagesStillWorkAndNoSearchConsumerRuns() {
        f.forum.posts().reply(Fixture.as(f.pat), f.opening.threadId(), "Fuji hill climb at dawn");
        f.forum.outbox().drain();

        assertThat(f.guest().get("/api/v1/threads/" + f.opening.threadId().value()).body())
                .contains("Fuji hill climb at dawn");
        assertThat(f.forum.search().available()).isFalse();
        assertThat(f.forum.search().rebuilds().available()).isFalse();
        assertThat(f.forum.outbox().status().consumers()).extracting(c -> c.name())
                .contains("alerts").doesNotContain("search");
    }
}
