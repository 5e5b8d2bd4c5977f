package dev.forumkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.post.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports, warnings and the audit log over the real server, JSON and pages: merging and refusals, the queue and the
 * reporter's alert, warnings with their threshold ban, the audit log's filters, and that nothing edits the log.
 */
class ModToolsHttpTest {
    @RegisterExtension
    static final Fixture f = Fixture.perClass();
    private static final String FORM = "application/x-www-form-urlencoded";

    private static Client.Response form(Client c, String path, String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(out.length() == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return c.send("POST", path, out.toString(), "Content-Type", FORM);
    }

    /** A fresh member's reply in the fixture's thread. */
    private static Post replyBy(Member author) {
        return f.forum.posts().reply(Fixture.as(author), f.opening.threadId(), "Buy cheap watches at example.com").post();
    }

    @Test
    void reports_of_one_post_merge_a_second_report_by_the_same_member_is_409_and_bad_input_is_422() {
        Member spammer = f.member("spammer");
        Post spam = replyBy(spammer);
        String path = "/api/v1/posts/" + spam.id().value() + "/report";
        Client ann = f.signedIn(f.member("ann"));
        Client.Response first = ann.post(path, "{\"reason\":\"Spam\"}");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long id = first.json().path("report").path("id").asLong();
        assertThat(first.json().path("report").path("status").asText()).isEqualTo("open");
        assertThat(first.body()).doesNotContain("ann"); // a reporter learns nothing about other reporters
        Client.Response second = f.signedIn(f.member("ben")).post(path, "{\"reason\":\"Advert\"}");
        assertThat(second.json().path("report").path("id").asLong()).isEqualTo(id);

        Client.Response again = ann.post(path, "{\"reason\":\"Still spam\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("conflict");
        Client.Response blank = ann.post("/api/v1/posts/" + f.miasReply.id().value() + "/report", "{\"reason\":\" \"}");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().path("errors").path(0).path("field").asText()).isEqualTo("reason");
        Client.Response own = f.signedIn(spammer).post(path, "{\"reason\":\"me\"}");
        assertThat(own.status()).isEqualTo(403);

        JsonNode report = f.signedIn(f.moderator).get("/api/v1/reports/" + id).json().path("report");
        assertThat(report.path("reporter_count").asInt()).isEqualTo(2);
        assertThat(report.path("reported_name").asText()).isEqualTo(spammer.username());
        assertThat(report.path("subject_type").asText()).isEqualTo("post");
        assertThat(report.path("notes")).extracting(n -> n.path("text").asText()).containsExactly("Spam", "Advert");
    }

    @Test
    void resolving_from_the_queue_alerts_each_reporter_and_is_in_the_audit_log() {
        Member spammer = f.member("spammer");
        Post spam = replyBy(spammer);
        Member cat = f.member("cat");
        Client catClient = f.signedIn(cat);
        long id = catClient.post("/api/v1/posts/" + spam.id().value() + "/report", "{\"reason\":\"Spam\"}").json()
                .path("report").path("id").asLong();
        Client mod = f.signedIn(f.moderator);
        JsonNode queue = mod.get("/api/v1/reports?status=open").json();
        assertThat(queue.path("reports")).anySatisfy(r -> assertThat(r.path("id").asLong()).isEqualTo(id));
        assertThat(queue.path("pagination").path("total").asLong()).isPositive();
        assertThat(mod.get("/api/v1/reports?status=nonsense").status()).isEqualTo(422);

        assertThat(mod.post("/api/v1/reports/" + id + "/comments", "{\"comment\":\"Checking\"}").status()).isEqualTo(200);
        Client.Response resolved = mod.post("/api/v1/reports/" + id + "/resolve", "{\"comment\":\"Post deleted\"}");
        assertThat(resolved.json().path("report").path("status").asText()).isEqualTo("resolved");
        assertThat(resolved.json().path("report").path("closed_by_name").asText()).isEqualTo("moderator");
        assertThat(mod.post("/api/v1/reports/" + id + "/reject", null).status()).isEqualTo(409);
        JsonNode closed = mod.get("/api/v1/reports?status=resolved").json();
        assertThat(closed.path("reports")).anySatisfy(r -> assertThat(r.path("id").asLong()).isEqualTo(id));

        f.forum.outbox().drain();
        JsonNode alerts = catClient.get("/api/v1/alerts").json().path("alerts");
        assertThat(alerts).anySatisfy(a -> {
            assertThat(a.path("kind").asText()).isEqualTo("report_resolved");
            assertThat(a.path("post_id").asLong()).isEqualTo(spam.id().value());
        });

        JsonNode log = f.signedIn(f.admin).get("/api/v1/admin/audit-log?action=report_resolve&target_type=report&target_id=" + id)
                .json();
        assertThat(log.path("audit_log")).singleElement().satisfies(e -> {
            assertThat(e.path("actor_name").asText()).isEqualTo("moderator");
            assertThat(e.path("before").asText()).isEqualTo("open");
            assertThat(e.path("after").asText()).isEqualTo("resolved");
            assertThat(e.path("reason").asText()).isEqualTo("Post deleted");
        });
    }

    @Test
    void the_outcome_of_a_profile_report_reaches_the_reporter_with_a_link_to_the_profile() {
        Member rude = f.member("rude");
        Member dot = f.member("dot");
        Client dotClient = f.signedIn(dot);
        Client.Response made = dotClient.post("/api/v1/members/" + rude.id().value() + "/report", "{\"reason\":\"Rude title\"}");
        assertThat(made.status()).as(made.toString()).isIn(200, 201);
        long id = made.json().path("report").path("id").asLong();
        Client mod = f.signedIn(f.moderator);
        assertThat(mod.post("/api/v1/reports/" + id + "/reject", "{\"comment\":\"Fine by the rules\"}").status()).isEqualTo(200);
        f.forum.outbox().drain();

        JsonNode alert = null;
        for (JsonNode a : dotClient.get("/api/v1/alerts").json().path("alerts")) {
            if (a.path("kind").asText().equals("report_rejected")) {
                alert = a;
            }
        }
        assertThat(alert).as("dot's report_rejected alert").isNotNull();
        assertThat(alert.path("profile").path("id").asLong()).isEqualTo(rude.id().value());
        assertThat(alert.path("profile").path("username").asText()).isEqualTo(rude.username());
        assertThat(alert.path("thread_id").isNull() || alert.path("thread_id").isMissingNode()).isTrue();
        assertThat(alert.path("latest_actor").path("username").asText()).isEqualTo("moderator");
        assertThat(alert.path("content_visible").asBoolean()).isTrue();
        String page = dotClient.get("/alerts/").body();
        assertThat(page).contains("data-kind=\"report_rejected\"")
                .contains("href=\"/members/" + rude.username().toLowerCase(java.util.Locale.ROOT) + "." + rude.id().value() + "/\"")
                .contains("rejected your report of the profile of");
        assertThat(dotClient.get("/api/v1/me").json().path("unread_alerts").asLong()).isPositive();
        assertThat(f.signedIn(rude).get("/api/v1/alerts").json().path("alerts").toString()).doesNotContain("report_rejected");
    }

    @Test
    void a_warning_over_the_threshold_bans_the_member_who_sees_their_warnings_and_others_do_not() {
        Member troll = f.member("troll");
        Post post = replyBy(troll);
        Client mod = f.signedIn(f.moderator);
        String warn = "/api/v1/posts/" + post.id().value() + "/warnings";
        Client trollClient = f.signedIn(troll);
        Client.Response first = mod.post(warn, "{\"points\":6,\"reason\":\"Insults\",\"expires_in_days\":30}");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("banned").asBoolean()).isFalse();
        JsonNode own = trollClient.get("/api/v1/members/" + troll.id().value() + "/warnings").json();
        assertThat(own.path("active_points").asInt()).isEqualTo(6);
        assertThat(own.path("warnings").path(0).path("reason").asText()).isEqualTo("Insults");
        assertThat(f.signedIn(f.mia).get("/api/v1/members/" + troll.id().value() + "/warnings").status()).isEqualTo(403);
        assertThat(mod.post(warn, "{\"points\":0,\"reason\":\"\",\"expires_in_days\":-3}").json().path("errors"))
                .extracting(e -> e.path("field").asText()).containsExactlyInAnyOrder("points", "reason", "expires_in");

        Client.Response second = mod.post(warn, "{\"points\":5,\"reason\":\"Again\"}");
        assertThat(second.json().path("banned").asBoolean()).isTrue();
        assertThat(second.json().path("active_points").asInt()).isEqualTo(11);
        assertThat(f.forum.members().byId(troll.id()).orElseThrow().isBannedAt(f.forum.clock().instant())).isTrue();
        assertThat(trollClient.get("/api/v1/me").status()).isEqualTo(401); // the ban ended the troll's sessions

        JsonNode log = f.signedIn(f.admin).get("/api/v1/admin/audit-log?target_type=member&target_id=" + troll.id().value()).json();
        assertThat(log.path("audit_log")).extracting(e -> e.path("action").asText())
                .containsExactly("member_ban", "member_warn", "member_warn");
    }

    @Test
    void the_audit_log_filters_by_actor_and_date_refuses_bad_filters_and_no_route_edits_it() {
        Client admin = f.signedIn(f.admin);
        f.forum.threads().pin(Fixture.as(f.moderator), f.opening.threadId(), true);
        f.forum.threads().pin(Fixture.as(f.moderator), f.opening.threadId(), false);
        String today = f.forum.clock().instant().toString().substring(0, 10);
        JsonNode mine = admin.get("/api/v1/admin/audit-log?actor=" + f.moderator.id().value() + "&from=" + today + "&to=" + today).json();
        assertThat(mine.path("audit_log")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.path("actor_id").asLong()).isEqualTo(f.moderator.id().value()));
        assertThat(mine.path("audit_log").path(0).path("action").asText()).isEqualTo("thread_unpin");
        assertThat(admin.get("/api/v1/admin/audit-log?actor=" + f.admin.id().value() + "&from=2000-01-01&to=2000-01-02")
                .json().path("audit_log")).isEmpty();

        assertThat(admin.get("/api/v1/admin/audit-log?action=drop_table").json().path("errors").path(0).path("field").asText())
                .isEqualTo("action");
        assertThat(admin.get("/api/v1/admin/audit-log?from=yesterday").status()).isEqualTo(422);
        assertThat(admin.get("/api/v1/admin/audit-log?target_id=3").status()).isEqualTo(422);
        for (String method : new String[]{"POST", "PUT", "PATCH", "DELETE"}) {
            assertThat(admin.send(method, "/api/v1/admin/audit-log", "{}").status()).as(method).isEqualTo(405);
            assertThat(admin.send(method, "/api/v1/admin/audit-log/1", "{}").status()).as(method).isEqualTo(404);
        }
        assertThat(f.signedIn(f.moderator).get("/api/v1/admin/audit-log").status()).isEqualTo(403);
    }

    @Test
    void the_pages_report_a_post_work_the_queue_warn_and_show_the_log_without_javascript() {
        Member spammer = f.member("spammer");
        Post spam = f.forum.threads().start(Fixture.as(spammer), f.board.id(), "Watches", "Buy cheap watches at example.com");
        Member dan = f.member("dan");
        Client danClient = f.signedIn(dan);
        String thread = "/threads/watches." + spam.threadId().value() + "/";
        assertThat(danClient.get(thread).body()).contains("/posts/" + spam.id().value() + "/report")
                .doesNotContain("/posts/" + spam.id().value() + "/warn");
        assertThat(f.signedIn(f.moderator).get(thread).body()).contains("/posts/" + spam.id().value() + "/warn");
        assertThat(f.guest().get(thread).body()).doesNotContain("/posts/" + spam.id().value() + "/report");
        Client.Response filed = form(danClient, "/posts/" + spam.id().value() + "/report", "reason", "Spam");
        assertThat(filed.status()).isEqualTo(200);
        assertThat(filed.body()).contains("the moderators have your report");
        Client.Response twice = form(danClient, "/posts/" + spam.id().value() + "/report", "reason", "Spam");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("already reported");

        Client mod = f.signedIn(f.moderator);
        String queue = mod.get("/reports/").body();
        assertThat(queue).contains("Post by " + spammer.username());
        long id = f.forum.reports().queue(Fixture.as(f.moderator), dev.forumkit.core.report.ReportStatus.OPEN, 1).items().stream()
                .filter(v -> v.report().subject().id() == spam.id().value()).findFirst().orElseThrow().report().id().value();
        Client.Response resolved = form(mod, "/reports/" + id + "/resolve", "comment", "Removed the link");
        assertThat(resolved.status()).isEqualTo(303);
        assertThat(mod.get("/reports/" + id + "/").body()).contains("resolved").contains("Removed the link");

        Client.Response warned = form(mod, "/posts/" + spam.id().value() + "/warn", "points", "3", "reason", "No adverts",
                "expires_in_days", "");
        assertThat(warned.status()).isEqualTo(303);
        assertThat(mod.get(warned.headers().firstValue("Location").orElseThrow()).body()).contains("No adverts");
        Client.Response bad = form(mod, "/posts/" + spam.id().value() + "/warn", "points", "x", "reason", "", "expires_in_days", "0");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("must be a whole number from 1 to 100");

        assertThat(f.signedIn(spammer).get("/account/warnings").body()).contains("No adverts").contains("never expires");
        String log = f.signedIn(f.admin).get("/admin/audit-log?actor=moderator&action=member_warn").body();
        assertThat(log).contains("data-action=\"member_warn\"").contains("No adverts").doesNotContain("data-action=\"report_resolve\"");
        assertThat(f.signedIn(f.admin).get("/admin/audit-log?actor=nobody-by-that-name").status()).isEqualTo(404);
    }

    @Test
    void the_report_rate_limit_answers_429_after_the_budget() {
        Forum forum = TestServer.inMemoryForum();
        try (TestServer server = TestServer.start(forum, c -> c.limits(l -> l.noRateLimits()
                .reportingPerMember(RateLimit.of(2, Duration.ofHours(1)))))) {
            Member author = forum.members().register(new Registration("author", "author@example.org", Fixture.PASSWORD));
            forum.members().register(new Registration("eve", "eve@example.org", Fixture.PASSWORD));
            var board = forum.boards().createBoard(Fixture.as(forum.members().registerFirstAdmin(
                    new Registration("root", "root@example.org", Fixture.PASSWORD))), forum.boards().createCategory(
                    Fixture.as(forum.members().byUsername("root").orElseThrow()), "General", "").id(), "Talk", "", "");
            Post p = forum.threads().start(Fixture.as(author), board.id(), "Hello", "Hi all");
            Client eve = server.client().signIn("eve", Fixture.PASSWORD);
            String path = "/api/v1/posts/" + p.id().value() + "/report";
            assertThat(eve.post(path, "{\"reason\":\"\"}").status()).isEqualTo(422); // a bad report costs nothing
            assertThat(eve.post(path, "{\"reason\":\"Spam\"}").status()).isEqualTo(201);
            assertThat(eve.post("/api/v1/members/" + author.id().value() + "/report", "{\"reason\":\"Rude\"}").status()).isEqualTo(201);
            Client.Response third = eve.post("/api/v1/members/" + author.id().value() + "/report", "{\"reason\":\"Rude\"}");
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
        }
    }
}
