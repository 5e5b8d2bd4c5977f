package dev.forumkit.web;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.group.Group;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.GrantValue;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.core.post.Post;
import dev.forumkit.testkit.EventStreamClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A private board (guests and members: view denied; one group: allowed) leaks nothing to a member outside it: every
 * GET route the plugin registers, pages and API lists alike, is called as that member with the ids of the private
 * board, its thread, posts and author and with the public ones, and no answer holds its titles, text or counts.
 */
class PrivateBoardLeakTest {
    @RegisterExtension
    static final Fixture f = Fixture.perClass();
    private static final String MARK = "Zanzibar";
    private static Member insider;
    private static Member outsider;
    private static Board secret;
    private static Category lodge;
    private static Group insiders;
    private static Post hiddenFirst;
    private static Post hiddenReply;
    /** A held reply on the private board: in no list, and its page not found, for anyone outside. */
    private static long hiddenHeld;
    /** A held reply on the public board by the insider: its author's and moderators' only. */
    private static long publicHeld;

    @BeforeAll
    static void privateBoard() {
        var forum = f.forum;
        var admin = Fixture.as(f.admin);
        insider = f.member("insider");
        outsider = f.member("outsider");
        insiders = forum.groups().create(admin, "Insiders", "Insider", 1);
        forum.groups().place(admin, insider.id(), insiders.id(), Set.of());
        lodge = forum.boards().createCategory(admin, MARK + " lodge", MARK + " members only");
        secret = forum.boards().createBoard(admin, lodge.id(), MARK + " plans", MARK + " board", "");
        for (GroupId g : List.of(GroupId.GUESTS, GroupId.MEMBERS)) {
            forum.permissions().set(admin, new Grant(Grant.Subject.group(g), Grant.Scope.board(secret.id()),
                    Permission.VIEW_BOARD, GrantValue.DENY));
        }
        forum.permissions().set(admin, new Grant(Grant.Subject.group(insiders.id()), Grant.Scope.board(secret.id()),
                Permission.VIEW_BOARD, GrantValue.ALLOW));
        hiddenFirst = forum.threads().start(Fixture.as(insider), secret.id(), MARK + " launch", MARK + " is the plan");
        hiddenReply = forum.posts().reply(Fixture.as(insider), hiddenFirst.threadId(),
                "@" + outsider.username() + " " + MARK + " again").post();
        forum.reactions().react(Fixture.as(insider), f.miasReply.id(), "like"); // the insider is active in public too
        forum.approvals().setModerated(admin, secret.id(), true);
        hiddenHeld = forum.posts().submitReply(Fixture.as(insider), hiddenFirst.threadId(), MARK + " held back", () -> { })
                .held().id().value();
        forum.approvals().setModerated(admin, secret.id(), false);
        forum.approvals().setModerated(admin, f.board.id(), true);
        publicHeld = forum.posts().submitReply(Fixture.as(insider), f.opening.threadId(), MARK + " waits", () -> { })
                .held().id().value();
        forum.approvals().setModerated(admin, f.board.id(), false);
        forum.outbox().drain(); // alerts: the outsider was mentioned on the private board
    }

    /** Every GET route, with each placeholder filled by a private and by a public id. */
    private static List<String> paths() {
        List<String> out = new ArrayList<>();
        for (ForumRoute r : f.server.plugin.routes()) {
            if (r.changesState() || r.path().contains("{file}") || r.path().contains("{token}")) {
                continue;
            }
            for (boolean hidden : List.of(true, false)) {
                long thread = hidden ? hiddenFirst.threadId().value() : f.threadId();
                long post = hidden ? hiddenReply.id().value() : f.miasReply.id().value();
                Board board = hidden ? secret : f.board;
                Member member = hidden ? insider : f.mia;
                out.add(r.path()
                        .replace("{board}", "b." + board.id().value()) // a slug in the path would come back in links
                        .replace("{boardId}", Long.toString(board.id().value()))
                        .replace("{thread}", "t." + thread)
                        .replace("{threadId}", Long.toString(thread))
                        .replace("{postId}", Long.toString(post))
                        .replace("{member}", "m." + member.id().value())
                        .replace("{memberId}", Long.toString(member.id().value()))
                        .replace("{categoryId}", Long.toString((hidden ? lodge : f.category).id().value()))
                        .replace("{groupId}", "2")
                        .replace("{alertId}", "1")
                        .replace("{reportId}", "1")
                        .replace("{heldId}", Long.toString(hidden ? hiddenHeld : publicHeld))
                        .replace("{conversationId}", "1").replace("{conversation}", "1").replace("{messageId}", "1")
                        .replace("{webhookId}", "1")
                        .replace("{attachmentId}", "1").replace("{name}", "x.txt").replace("{sessionId}", "0123456789ab")
                        .replace("{keyId}", "1")
                        .replace("{page}", "1").replace("{version}", "1").replace("{size}", "small"));
            }
        }
        out.add("/api/v1/admin/permissions/explain?member=" + outsider.id().value() + "&board=" + secret.id().value());
        // search: the private board's words, titles and counts stay out of every result (the page shows the query
        // itself, so it asks for the private posts' other words)
        out.add("/api/v1/search?q=launch");
        out.add("/search/?q=launch");
        out.add("/search/?q=plan");
        out.add("/api/v1/search?q=launch&titles=true");
        out.add("/api/v1/search?q=plan&board=" + secret.id().value());
        return out;
    }

    @Test
    void noPageOrListShowsAMemberOutsideItAnythingOfThePrivateBoard() {
        Client outside = f.signedIn(outsider);
        List<String> paths = paths();
        assertThat(paths).hasSizeGreaterThan(40);
        // feeds and sitemaps are in the walk too, with the private board's and thread's ids
        assertThat(paths).contains("/feed.atom", "/whats-new/feed.atom", "/sitemap.xml", "/sitemaps/boards.xml",
                "/sitemaps/threads-1.xml", "/boards/b." + secret.id().value() + "/feed.atom",
                "/threads/t." + hiddenFirst.threadId().value() + "/feed.atom", "/robots.txt");
        for (String path : paths) {
            Client.Response r = outside.get(path);
            assertThat(r.status()).as(path).isLessThan(500);
            // headers too: a redirect to a thread's canonical address would carry its title's slug
            assertThat(r.body() + r.headers().map()).as(path + " as a member outside the board")
                    .doesNotContainIgnoringCase(MARK);
        }
        for (String path : paths) {
            Client.Response r = f.guest().get(path);
            assertThat(r.body() + r.headers().map()).as(path + " as a guest").doesNotContainIgnoringCase(MARK);
        }
    }

    @Test
    void theLiveStreamsOfThePrivateBoardAre404ToAMemberOutsideItAndToGuests() {
        Client outside = f.signedIn(outsider);
        for (String path : List.of("/api/v1/threads/" + hiddenFirst.threadId().value() + "/live",
                "/api/v1/boards/" + secret.id().value() + "/live")) {
            for (Map<String, String> who : List.of(Map.of("Cookie", "forumkit_session=" + outside.sessionCookie),
                    Map.<String, String>of())) {
                try (EventStreamClient s = EventStreamClient.open(URI.create(f.server.base + path), who)) {
                    assertThat(s.status()).as(path).isEqualTo(404);
                    assertThat(s.body()).doesNotContainIgnoringCase(MARK);
                }
            }
        }
        try (EventStreamClient s = EventStreamClient.open(URI.create(f.server.base + "/api/v1/threads/"
                + hiddenFirst.threadId().value() + "/live"), Map.of("Cookie", "forumkit_session=" + f.signedIn(insider).sessionCookie))) {
            assertThat(s.status()).as("the group's member may stream it, so the check can fail").isEqualTo(200);
        }
    }

    @Test
    void feedsAndSitemapsAreAGuestsEvenForTheGroupsMember() {
        Client in = f.signedIn(insider);
        for (String path : List.of("/feed.atom", "/whats-new/feed.atom", "/sitemaps/threads-1.xml", "/sitemaps/boards.xml")) {
            Client.Response r = in.get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).doesNotContainIgnoringCase(MARK)
                    .contains(path.contains("boards") ? "/boards/" + f.board.slug() + "." : "cherry-blossom-season");
        }
        assertThat(in.get("/boards/b." + secret.id().value() + "/feed.atom").status()).isEqualTo(404);
        assertThat(in.get("/threads/t." + hiddenFirst.threadId().value() + "/feed.atom").status()).isEqualTo(404);
    }

    @Test
    void theBoardIndexCountsOnlyWhatTheMemberMaySee() {
        var boards = f.signedIn(outsider).get("/api/v1/boards").json().path("categories");
        long threads = 0;
        long posts = 0;
        for (var c : boards) {
            for (var b : c.path("boards")) {
                threads += b.path("thread_count").asLong();
                posts += b.path("post_count").asLong();
            }
        }
        Board pub = f.forum.boards().board(Fixture.as(f.admin), f.board.id()).orElseThrow();
        assertThat(threads).isEqualTo(pub.threadCount());
        assertThat(posts).isEqualTo(pub.postCount());
        assertThat(f.signedIn(outsider).get("/api/v1/whats-new").json().path("pagination").path("total").asLong())
                .isEqualTo(pub.threadCount());
    }

    @Test
    void aMemberOutsideSeesTheSameCountsEverywhereWhileTheBoardsMembersPostAndReactThereAndTheyThemselvesSeeThemChange() {
        var forum = f.forum;
        Member staffer = f.member("staffer");
        forum.groups().place(Fixture.as(f.admin), staffer.id(), insiders.id(), Set.of());
        Post open = forum.posts().reply(Fixture.as(insider), f.opening.threadId(), "Quokka sightings in public").post();
        forum.reactions().react(Fixture.as(f.mia), open.id(), "angry"); // a public score below the private one
        forum.outbox().drain();
        Client outside = f.signedIn(outsider);
        Client guest = f.guest();
        Client in = f.signedIn(staffer);
        Map<String, List<String>> outsideBefore = counts(outside, open);
        Map<String, List<String>> guestBefore = counts(guest, open);
        Map<String, List<String>> inBefore = counts(in, open);
        assertThat(outsideBefore.values()).as("every page and list shows the insider's counts").allSatisfy(v -> assertThat(v).isNotEmpty());
        assertThat(outsideBefore.get("/api/v1/members/" + insider.id().value())).containsExactly("1/-1");

        Post more = forum.threads().start(Fixture.as(insider), secret.id(), "Quiet " + MARK, "More " + MARK);
        Post another = forum.posts().reply(Fixture.as(insider), more.threadId(), "And more").post();
        forum.posts().reply(Fixture.as(staffer), more.threadId(), "Agreed");
        forum.reactions().react(Fixture.as(staffer), more.id(), "like");
        forum.reactions().react(Fixture.as(staffer), another.id(), "love");
        forum.reactions().react(Fixture.as(staffer), hiddenReply.id(), "wow");
        forum.outbox().drain();

        assertThat(counts(outside, open)).as("a member outside the board").isEqualTo(outsideBefore);
        assertThat(counts(guest, open)).as("a guest").isEqualTo(guestBefore);
        Map<String, List<String>> inAfter = counts(in, open);
        assertThat(inAfter).as("the board's own members see the counts grow, so the check can fail").isNotEqualTo(inBefore);
        assertThat(inAfter.get("/api/v1/members/" + insider.id().value())).containsExactly((1 + 2 + 2) + "/" + (-1 + 3));
        assertThat(inAfter.keySet()).allSatisfy(k -> assertThat(inAfter.get(k)).as(k).isNotEqualTo(inBefore.get(k)));
    }

    /**
     * The insider's message count and reaction score (and place in the member list by them) on every page and API list
     * that shows them to this client: the thread page with the insider's public post (HTML and JSON), search,
     * the profile and the member list (HTML and JSON).
     */
    private static Map<String, List<String>> counts(Client c, Post open) {
        long id = insider.id().value();
        String slug = f.forum.reading().thread(dev.forumkit.core.Actor.guest(), open.threadId()).thread().slug();
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (String path : List.of("/api/v1/threads/" + open.threadId().value(), "/api/v1/search?q=quokka", "/api/v1/members/" + id, "/api/v1/members?sort=messages",
                "/api/v1/members?sort=reaction_score")) {
            Client.Response r = c.get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            List<String> found = new ArrayList<>();
            for (var node : r.json().findParents("message_count")) {
                if (node.path("id").asLong() == id) {
                    found.add(node.path("message_count").asLong() + "/" + node.path("reaction_score").asLong());
                }
            }
            if (path.contains("sort=")) {
                int place = 0;
                for (var m : r.json().path("members")) {
                    if (m.path("id").asLong() == id) {
                        found.add("place " + place);
                    }
                    place++;
                }
            }
            out.put(path, found);
        }
        out.put("thread page", html(c, "/threads/" + slug + "." + open.threadId().value() + "/",
                "id=\"post-" + open.id().value() + "\".*?<dl class=\"user-stats\">.*?<dd>.*?</dd>.*?<dd>([^<]*)</dd>.*?<dd[^>]*>([^<]*)</dd>"));
        out.put("profile", html(c, "/members/" + insider.username() + "." + id + "/",
                "<dl class=\"profile-stats\">.*?<dd>.*?</dd>.*?<dd>([^<]*)</dd>.*?<dd[^>]*>([^<]*)</dd>"));
        for (String sort : List.of("messages", "reaction_score")) {
            // the insider's row of the table (not the "online now" names above it) and how many rows come before it
            String path = "/members/?sort=" + sort;
            String body = c.get(path).body();
            var row = java.util.regex.Pattern.compile("<tr>\\s*<td><a href=\"[^\"]*/members/[^\"]*\\." + id
                    + "/\">.*?</time></td>\\s*<td>([^<]*)</td>\\s*<td>([^<]*)</td>", java.util.regex.Pattern.DOTALL).matcher(body);
            assertThat(row.find()).as(path + " lists the insider").isTrue();
            out.put(path, List.of(row.group(1).strip() + "/" + row.group(2).strip(),
                    "place " + java.util.regex.Pattern.compile("<tr>").matcher(body.substring(0, row.start())).results().count()));
        }
        return out;
    }

    /** The two groups of the pattern on the page, as "messages/score". */
    private static List<String> html(Client c, String path, String pattern) {
        Client.Response r = c.get(path);
        assertThat(r.status()).as(path).isEqualTo(200);
        var m = java.util.regex.Pattern.compile(pattern, java.util.regex.Pattern.DOTALL).matcher(r.body());
        assertThat(m.find()).as(path + " shows the insider's counts").isTrue();
        return List.of(m.group(1).strip() + "/" + m.group(2).strip());
    }

    @Test
    void theGroupsMemberSeesItSoTheWalkCanFail() {
        Client in = f.signedIn(insider);
        assertThat(in.get("/").body()).contains(MARK + " plans");
        String slug = f.forum.reading().thread(Fixture.as(insider), hiddenFirst.threadId()).thread().slug();
        assertThat(in.get("/threads/" + slug + "." + hiddenFirst.threadId().value() + "/").body())
                .contains(MARK + " is the plan").contains("Insider");
        assertThat(in.get("/threads/t." + hiddenFirst.threadId().value() + "/").headers().map().toString())
                .as("the walk would see a redirect's address").containsIgnoringCase(MARK);
        assertThat(in.get("/api/v1/whats-new").body()).contains(MARK + " launch");
        assertThat(in.get("/api/v1/search?q=launch").body()).contains(MARK);
        assertThat(in.get("/search/?q=plan").body()).contains(MARK);
        assertThat(f.signedIn(f.admin).get("/admin/permissions/explain?member=" + outsider.username() + "&board="
                + secret.id().value()).body()).contains("deny for group Members on board " + MARK + " plans");
    }
}
