package dev.forumkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's lag as admins see it, JSON and page. The forum here runs no outbox thread, so events wait until the
 * test drains them: the lag is whatever the test made it, never a race with the runner.
 */
class OutboxAdminTest {
    @RegisterExtension
    static final Fixture f = Fixture.perClass(() -> Forum.create(new dev.forumkit.core.memory.InMemoryForumStorage(),
            c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000)).viewFlushInterval(Duration.ZERO)
                    .outboxPollInterval(Duration.ZERO)));

    private static JsonNode alerts(JsonNode outbox) {
        for (JsonNode c : outbox.path("consumers")) {
            if (c.path("name").asText().equals("alerts")) {
                return c;
            }
        }
        throw new AssertionError("no alerts consumer in " + outbox);
    }

    @Test
    void the_json_shows_the_head_and_each_consumers_lag_until_the_events_are_delivered() {
        f.forum.outbox().drain();
        Client admin = f.signedIn(f.admin);
        JsonNode before = admin.get("/api/v1/admin/outbox").json().path("outbox");
        assertThat(alerts(before).path("lag").asLong()).isZero();
        assertThat(alerts(before).path("oldest_undelivered_ms").isNull()).isTrue();
        assertThat(before.path("max_lag").asLong()).isZero();

        f.forum.posts().reply(Fixture.as(f.mia), f.opening.threadId(), "One more thing about Kyoto.");
        f.forum.posts().reply(Fixture.as(f.pat), f.opening.threadId(), "And Nara, in the same week.");
        Client.Response r = admin.get("/api/v1/admin/outbox");
        assertThat(r.status()).isEqualTo(200);
        JsonNode waiting = r.json().path("outbox");
        JsonNode consumer = alerts(waiting);
        assertThat(waiting.path("head").asLong()).isEqualTo(before.path("head").asLong() + 2);
        assertThat(consumer.path("durable").asBoolean()).isTrue();
        assertThat(consumer.path("lag").asLong()).isEqualTo(2);
        assertThat(consumer.path("position").asLong()).isEqualTo(waiting.path("head").asLong() - 2);
        assertThat(consumer.path("oldest_undelivered_ms").isNumber()).isTrue();
        assertThat(consumer.path("failures").asInt()).isZero();
        assertThat(consumer.has("lease_owner") && consumer.has("last_error") && consumer.has("retry_at")).isTrue();
        assertThat(waiting.path("max_lag").asLong()).isEqualTo(2);

        f.forum.outbox().drain();
        JsonNode after = admin.get("/api/v1/admin/outbox").json().path("outbox");
        assertThat(alerts(after).path("lag").asLong()).isZero();
        assertThat(alerts(after).path("position").asLong()).isEqualTo(after.path("head").asLong());
        assertThat(alerts(after).path("oldest_undelivered_ms").isNull()).isTrue();
    }

    @Test
    void only_admins_see_the_outbox() {
        assertThat(f.guest().get("/api/v1/admin/outbox").status()).isEqualTo(401);
        assertThat(f.signedIn(f.mia).get("/api/v1/admin/outbox").status()).isEqualTo(403);
        assertThat(f.signedIn(f.moderator).get("/api/v1/admin/outbox").status()).isEqualTo(403);
        Client.Response guestPage = f.guest().get("/admin/outbox");
        assertThat(guestPage.status()).isEqualTo(401);
        assertThat(guestPage.body()).contains("name=\"password\""); // the sign-in form
        assertThat(f.signedIn(f.moderator).get("/admin/outbox").status()).isEqualTo(403);
        assertThat(f.signedIn(f.moderator).get("/admin/").body()).doesNotContain("/admin/outbox");
    }

    @Test
    void the_page_lists_every_consumer_with_its_lag_and_is_linked_from_the_admin_home() {
        Client admin = f.signedIn(f.admin);
        assertThat(admin.get("/admin/").body()).contains("href=\"/admin/outbox\"");
        f.forum.outbox().drain();
        f.forum.posts().reply(Fixture.as(f.mia), f.opening.threadId(), "A reply the alerts have not seen yet.");
        long head = f.forum.outbox().status().head();
        Client.Response page = admin.get("/admin/outbox");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<strong id=\"outbox-head\">" + head + "</strong>")
                .containsPattern("(?s)<tr data-consumer=\"alerts\">.*?<td class=\"lagging\">1</td>")
                .contains("data-consumer=\"listeners\"")
                .contains("noindex");
        f.forum.outbox().drain();
        assertThat(admin.get("/admin/outbox").body())
                .containsPattern("(?s)<tr data-consumer=\"alerts\">.*?<td>0</td>\\s*<td>caught up</td>");
    }
}
