package dev.forumkit.web;

import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route the plugin registers, checked against this file's own table of access rules: guest, member,
 * moderator and admin each get the expected answer, and every state-changing route refuses a missing or wrong
 * CSRF token. A route added without a line here fails the first test. HTML pages and form targets are in the same
 * table, keyed {@code PAGE <method> <path>}; their forms are sent form-encoded, as a browser does.
 */
class RouteTableTest {
    @RegisterExtension
    static final Fixture f = Fixture.perClass();
    private static final String P = "/api/v1";
    private static final AtomicInteger SEQ = new AtomicInteger();

    /** The explicit rule for each route, and a valid body for it (null for none). */
    private record Rule(Access access, Function<Case, String> body) {
    }

    /**
     * Fresh targets for one check: a new member T, a thread T started, T's reply and mia's reply in it, an open
     * report of T's reply (by pat), and a new custom group.
     */
    private record Case(Member target, long threadId, long targetsReply, long miasReply, String signInLogin, long reportId,
                        long groupId, long heldId, long warningId, long conversationId, long messageId, String invitee) {
    }

    /** Routes added with groups and the grid: also checked as a member of a private board's group ("insider"). */
    private static final Set<String> GROUP_ROUTES = new java.util.HashSet<>();

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        rule("GET /session", Access.ANYONE, null);
        rule("POST /session", Access.ANYONE, c -> "{\"login\":\"" + c.signInLogin() + "\",\"password\":\"" + Fixture.PASSWORD + "\"}");
        rule("DELETE /session", Access.ANYONE, null);
        rule("POST /members", Access.ANYONE, c -> {
            String n = "joiner" + SEQ.incrementAndGet();
            return "{\"username\":\"" + n + "\",\"email\":\"" + n + "@example.org\",\"password\":\"long enough\"}";
        });
        rule("GET /me", Access.MEMBER, null);
        rule("PUT /me/password", Access.MEMBER,
                c -> "{\"current_password\":\"" + Fixture.PASSWORD + "\",\"new_password\":\"" + Fixture.PASSWORD + "\"}");
        rule("GET /members/{memberId}", Access.ANYONE, null);
        rule("GET /me/profile", Access.MEMBER, null);
        rule("PUT /me/profile", Access.MEMBER, c -> "{\"about\":\"I ride.\",\"website\":\"https://example.org\",\"signature\":\"Ride on\"}");
        rule("GET /me/sessions", Access.MEMBER, null);
        rule("DELETE /me/sessions/{sessionId}", Access.MEMBER, null);
        rule("POST /me/sessions/end-others", Access.MEMBER, null);
        // a wrong password: the route is reached and refuses with 422, and nobody's account goes
        rule("POST /me/delete", Access.MEMBER, c -> "{\"password\":\"not the password\"}");
        rule("GET /members", Access.ANYONE, null);
        rule("GET /members/online", Access.ANYONE, null);
        rule("GET /members/{memberId}/posts", Access.ANYONE, null);
        rule("GET /members/{memberId}/threads", Access.ANYONE, null);
        rule("PATCH /members/{memberId}", Access.OWNER_OR_ADMIN, c -> "{\"custom_title\":\"Unswerving cyclist\"}");
        rule("PUT /members/{memberId}/role", Access.ADMIN, c -> "{\"role\":\"moderator\"}");
        rule("PUT /members/{memberId}/ban", Access.STAFF, c -> "{\"reason\":\"spam\"}");
        rule("DELETE /members/{memberId}/ban", Access.STAFF, null);
        rule("GET /boards", Access.ANYONE, null);
        rule("GET /boards/{boardId}", Access.ANYONE, null);
        rule("POST /categories", Access.ADMIN, c -> "{\"title\":\"More\",\"description\":\"\"}");
        rule("POST /categories/{categoryId}/boards", Access.ADMIN, c -> "{\"title\":\"Korea\",\"description\":\"\"}");
        rule("PATCH /boards/{boardId}", Access.ADMIN, c -> "{\"title\":\"Japan\",\"description\":\"All things Japan\"}");
        rule("GET /whats-new", Access.ANYONE, null);
        rule("POST /boards/{boardId}/threads", Access.MEMBER, c -> "{\"title\":\"A new thread\",\"body\":\"Hello\"}");
        rule("GET /threads/{threadId}", Access.ANYONE, null);
        rule("POST /threads/{threadId}/lock", Access.BOARD_MODERATOR, null);
        rule("POST /threads/{threadId}/unlock", Access.BOARD_MODERATOR, null);
        rule("POST /threads/{threadId}/pin", Access.BOARD_MODERATOR, null);
        rule("POST /threads/{threadId}/unpin", Access.BOARD_MODERATOR, null);
        rule("POST /threads/{threadId}/move", Access.BOARD_MODERATOR, null); // body filled in per case (board id)
        rule("DELETE /threads/{threadId}", Access.BOARD_MODERATOR, null);
        rule("POST /threads/{threadId}/restore", Access.BOARD_MODERATOR, null);
        rule("POST /threads/{threadId}/posts", Access.MEMBER, c -> "{\"body\":\"A reply\"}");
        rule("GET /posts/{postId}", Access.ANYONE, null);
        rule("PATCH /posts/{postId}", Access.OWNER_OR_STAFF, c -> "{\"body\":\"Edited\"}");
        rule("DELETE /posts/{postId}", Access.OWNER_OR_STAFF, null);
        rule("POST /posts/{postId}/restore", Access.BOARD_MODERATOR, null);
        rule("PUT /posts/{postId}/reaction", Access.MEMBER, c -> "{\"type\":\"like\"}");
        rule("DELETE /posts/{postId}/reaction", Access.MEMBER, null);
        rule("GET /reaction-types", Access.ANYONE, null);
        rule("POST /admin/recount", Access.ADMIN, null);
        rule("GET /alerts", Access.MEMBER, null);
        rule("POST /alerts/{alertId}/read", Access.MEMBER, null); // someone else's or no alert: 404, never another's
        rule("POST /alerts/read-all", Access.MEMBER, null);
        rule("GET /me/alert-preferences", Access.MEMBER, null);
        rule("PUT /me/alert-preferences", Access.MEMBER, c -> "{\"deliveries\":{\"reaction\":\"off\"},\"auto_watch\":true}");
        rule("PUT /members/{memberId}/ignore", Access.MEMBER, null);
        rule("DELETE /members/{memberId}/ignore", Access.MEMBER, null);
        rule("GET /me/ignored", Access.MEMBER, null);
        rule("PUT /threads/{threadId}/watch", Access.MEMBER, c -> "{\"email\":true}");
        rule("DELETE /threads/{threadId}/watch", Access.MEMBER, null);
        rule("PUT /boards/{boardId}/watch", Access.MEMBER, c -> "{\"every_post\":true,\"email\":false}");
        rule("DELETE /boards/{boardId}/watch", Access.MEMBER, null);
        rule("GET /me/watched-threads", Access.MEMBER, null);
        rule("GET /me/watched-boards", Access.MEMBER, null);
        rule("GET /admin/outbox", Access.ADMIN, null);
        groupRule("GET /admin/groups", null);
        groupRule("POST /admin/groups", c -> "{\"name\":\"Crew " + SEQ.incrementAndGet() + "\",\"title\":\"Crew\"}");
        groupRule("PATCH /admin/groups/{groupId}", c -> "{\"title\":\"Deck crew\"}");
        groupRule("DELETE /admin/groups/{groupId}", null);
        groupRule("GET /admin/groups/{groupId}/members", null);
        groupRule("GET /members/{memberId}/groups", null);
        groupRule("PUT /members/{memberId}/groups", c -> "{\"primary\":" + c.groupId() + ",\"secondary\":[]}");
        groupRule("GET /admin/permissions", null);
        groupRule("PUT /admin/permissions", c -> "{\"group_id\":2,\"board_id\":" + RouteTableTest.f.board.id().value()
                + ",\"permission\":\"upload\",\"value\":\"allow\"}");
        groupRule("GET /admin/permissions/explain", null);
        rule("POST /password-resets", Access.ANYONE, c -> "{\"email\":\"someone@example.org\"}");
        rule("POST /password-resets/confirm", Access.ANYONE, c -> "{\"token\":\"not-a-token\",\"new_password\":\"long enough\"}");
        rule("POST /me/email-verification", Access.MEMBER, null);
        rule("PUT /me/email", Access.MEMBER, c -> "{\"email\":\"moved" + SEQ.incrementAndGet() + "@example.org\",\"current_password\":\""
                + Fixture.PASSWORD + "\"}");
        rule("POST /email-verifications/confirm", Access.ANYONE, c -> "{\"token\":\"not-a-token\"}");
        rule("GET /search", Access.ANYONE, null);
        rule("GET /admin/search/rebuild", Access.ADMIN, null);
        rule("POST /admin/search/rebuild", Access.ADMIN, null);
        rule("POST /posts/{postId}/report", Access.MEMBER, c -> "{\"reason\":\"Spam\"}");
        rule("POST /members/{memberId}/report", Access.MEMBER, c -> "{\"reason\":\"Rude title\"}");
        rule("GET /reports", Access.STAFF, null);
        rule("GET /reports/{reportId}", Access.STAFF, null);
        rule("POST /reports/{reportId}/comments", Access.STAFF, c -> "{\"comment\":\"Looking\"}");
        rule("POST /reports/{reportId}/resolve", Access.STAFF, c -> "{\"comment\":\"Done\"}");
        rule("POST /reports/{reportId}/reject", Access.STAFF, null);
        rule("POST /posts/{postId}/warnings", Access.STAFF, c -> "{\"points\":1,\"reason\":\"Be nice\",\"expires_in_days\":30}");
        rule("GET /members/{memberId}/warnings", Access.OWNER_OR_STAFF, null);
        rule("POST /warnings/{warningId}/revoke", Access.STAFF, c -> "{\"reason\":\"Mistake\"}");
        rule("GET /admin/audit-log", Access.ADMIN, null);
        rule("GET /moderation/approval", Access.BOARD_MODERATOR, null);
        rule("POST /moderation/approval/{heldId}/approve", Access.BOARD_MODERATOR, null);
        rule("POST /moderation/approval/{heldId}/reject", Access.BOARD_MODERATOR, c -> "{\"reason\":\"Spam\"}");
        rule("GET /held/{heldId}", Access.MEMBER, null); // the author's or a moderator's; 404 for anyone else
        rule("GET /me/held", Access.MEMBER, null);
        rule("PUT /boards/{boardId}/moderated", Access.ADMIN, c -> "{\"moderated\":false}");
        rule("GET /admin/api-keys", Access.ADMIN, null);
        rule("POST /admin/api-keys", Access.ADMIN, c -> "{\"name\":\"bot\",\"kind\":\"guest\",\"scopes\":[\"thread:read\"]}");
        rule("DELETE /admin/api-keys/{keyId}", Access.ADMIN, null);
        // TEST-NET-1: a public address that no network routes, so no DNS and no receiver is needed
        rule("GET /admin/webhooks", Access.ADMIN, null);
        rule("POST /admin/webhooks", Access.ADMIN, c -> "{\"url\":\"http://192.0.2.1/hook\",\"events\":[\"member.banned\"]}");
        rule("PATCH /admin/webhooks/{webhookId}", Access.ADMIN, c -> "{\"active\":false}");
        rule("DELETE /admin/webhooks/{webhookId}", Access.ADMIN, null);
        rule("GET /admin/webhooks/{webhookId}/deliveries", Access.ADMIN, null);
        rule("POST /admin/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", Access.ADMIN, null);
        rule("GET /openapi.json", Access.ANYONE, null);
        GROUP_ROUTES.add("GET /openapi.json");
        rule("GET /conversations", Access.MEMBER, null);
        rule("POST /conversations", Access.MEMBER,
                c -> "{\"title\":\"Hello\",\"body\":\"Hi there\",\"recipients\":[\"" + c.target().username() + "\"]}");
        rule("GET /conversations/unread-count", Access.MEMBER, null);
        // one conversation or message: open at the door, 404 from core to all but its participants (see below)
        rule("GET /conversations/{conversationId}", Access.ANYONE, null);
        rule("POST /conversations/{conversationId}/messages", Access.ANYONE, c -> "{\"body\":\"A reply\"}");
        rule("POST /conversations/{conversationId}/invite", Access.ANYONE, c -> "{\"recipients\":[\"" + c.invitee() + "\"]}");
        rule("POST /conversations/{conversationId}/leave", Access.ANYONE, null);
        rule("GET /conversation-messages/{messageId}", Access.ANYONE, null);
        rule("POST /conversation-messages/{messageId}/report", Access.ANYONE, c -> "{\"reason\":\"Creepy\"}");
        rule("PUT /conversation-messages/{messageId}/reaction", Access.ANYONE, c -> "{\"type\":\"like\"}");
        rule("DELETE /conversation-messages/{messageId}/reaction", Access.ANYONE, null);
        rule("GET /me/conversation-blocks", Access.MEMBER, null);
        rule("POST /me/conversation-blocks", Access.MEMBER, c -> "{\"username\":\"" + c.target().username() + "\"}");
        rule("DELETE /me/conversation-blocks/{username}", Access.MEMBER, null);
        // live-update streams: asked for as JSON they answer 406 after the same checks (LiveUpdatesHttpTest streams them)
        rule("GET /threads/{threadId}/live", Access.ANYONE, null);
        rule("GET /boards/{boardId}/live", Access.ANYONE, null);
        rule("GET /me/live", Access.MEMBER, null);

        page("GET /", Access.ANYONE, null);
        page("GET /boards/{board}/", Access.ANYONE, null);
        page("GET /boards/{board}/page-{page}", Access.ANYONE, null);
        page("GET /threads/{thread}/", Access.ANYONE, null);
        page("GET /threads/{thread}/page-{page}", Access.ANYONE, null);
        page("GET /threads/{thread}/unread", Access.ANYONE, null);
        page("GET /posts/{postId}/", Access.ANYONE, null);
        page("GET /whats-new/", Access.ANYONE, null);
        page("GET /whats-new/page-{page}", Access.ANYONE, null);
        page("GET /members/{member}/", Access.ANYONE, null);
        page("GET /login", Access.ANYONE, null);
        page("POST /login", Access.ANYONE, c -> "login=" + c.signInLogin() + "&password=" + Fixture.PASSWORD.replace(' ', '+'));
        page("GET /register", Access.ANYONE, null);
        page("POST /register", Access.ANYONE, c -> {
            String n = "pagejoiner" + SEQ.incrementAndGet();
            return "username=" + n + "&email=" + n + "%40example.org&password=long+enough";
        });
        page("GET /logout", Access.ANYONE, null);
        page("POST /logout", Access.ANYONE, null);
        page("GET /boards/{board}/post-thread", Access.MEMBER, null);
        page("POST /boards/{board}/post-thread", Access.MEMBER, c -> "title=A+new+thread&body=Hello");
        page("GET /threads/{thread}/reply", Access.MEMBER, null);
        page("POST /threads/{thread}/reply", Access.MEMBER, c -> "body=A+reply");
        page("GET /posts/{postId}/edit", Access.OWNER_OR_STAFF, null);
        page("POST /posts/{postId}/edit", Access.OWNER_OR_STAFF, c -> "body=Edited");
        page("POST /posts/{postId}/delete", Access.OWNER_OR_STAFF, null);
        page("POST /posts/{postId}/restore", Access.BOARD_MODERATOR, null);
        page("POST /posts/{postId}/react", Access.MEMBER, c -> "type=like");
        for (String action : List.of("lock", "unlock", "pin", "unpin", "move", "delete", "restore")) {
            page("POST /threads/{thread}/" + action, Access.BOARD_MODERATOR, null); // move: board filled in per case
        }
        page("POST /members/{member}/title", Access.OWNER_OR_ADMIN, c -> "custom_title=Unswerving+cyclist");
        page("POST /members/{member}/role", Access.ADMIN, c -> "role=moderator");
        page("POST /members/{member}/ban", Access.STAFF, c -> "reason=spam");
        page("POST /members/{member}/unban", Access.STAFF, null);
        page("GET /admin/", Access.STAFF, null);
        page("GET /admin/categories", Access.ADMIN, null);
        page("POST /admin/categories", Access.ADMIN, c -> "title=More&description=");
        page("POST /admin/categories/{categoryId}", Access.ADMIN, c -> "title=Travel&description=Trips");
        page("GET /admin/boards", Access.ADMIN, null);
        page("POST /admin/boards", Access.ADMIN, c -> "category_id=" + RouteTableTest.f.category.id().value() + "&title=Korea&description=");
        page("GET /admin/boards/{boardId}", Access.ADMIN, null);
        page("POST /admin/boards/{boardId}", Access.ADMIN,
                c -> "category_id=" + RouteTableTest.f.category.id().value() + "&title=Japan&description=All+things+Japan");
        page("GET /admin/members", Access.STAFF, null);
        page("POST /admin/recount", Access.ADMIN, null);
        page("GET /admin/outbox", Access.ADMIN, null);
        groupPage("GET /admin/groups", null);
        groupPage("POST /admin/groups", c -> "name=Deckhands+" + SEQ.incrementAndGet() + "&title=Deck");
        groupPage("GET /admin/groups/{groupId}", null);
        groupPage("POST /admin/groups/{groupId}", c -> "name=Riggers+" + SEQ.incrementAndGet() + "&title=Rig&display_order=3");
        groupPage("POST /admin/groups/{groupId}/delete", null);
        groupPage("POST /admin/groups/{groupId}/members", c -> "username=mia&as=secondary");
        groupPage("POST /admin/groups/{groupId}/members/{memberId}/remove", null);
        groupPage("GET /admin/permissions", null);
        groupPage("POST /admin/permissions", c -> "subject=group%3A" + c.groupId() + "&scope=forum&cell_upload=allow");
        groupPage("GET /admin/permissions/explain", null);
        page("GET /assets/{file}", Access.ANYONE, null);
        page("GET /alerts/", Access.MEMBER, null);
        page("GET /alerts/page-{page}", Access.MEMBER, null);
        page("POST /alerts/{alertId}/read", Access.MEMBER, null);
        page("POST /alerts/read-all", Access.MEMBER, null);
        page("GET /account/alert-preferences", Access.MEMBER, null);
        page("POST /account/alert-preferences", Access.MEMBER, c -> "kind_reaction=off&auto_watch=1");
        page("POST /members/{member}/ignore", Access.MEMBER, null);
        page("POST /members/{member}/unignore", Access.MEMBER, null);
        page("POST /threads/{thread}/watch", Access.MEMBER, c -> "email=1");
        page("POST /threads/{thread}/unwatch", Access.MEMBER, null);
        page("POST /boards/{board}/watch", Access.MEMBER, c -> "notify=every_post");
        page("POST /boards/{board}/unwatch", Access.MEMBER, null);
        page("GET /watched/threads", Access.MEMBER, null);
        page("GET /watched/threads/page-{page}", Access.MEMBER, null);
        page("GET /watched/boards", Access.MEMBER, null);
        page("GET /watched/boards/page-{page}", Access.MEMBER, null);
        page("GET /forgot-password", Access.ANYONE, null);
        page("POST /forgot-password", Access.ANYONE, c -> "email=someone%40example.org");
        page("GET /reset-password", Access.ANYONE, null);
        page("POST /reset-password", Access.ANYONE, c -> "token=not-a-token&new_password=long+enough");
        page("GET /verify-email", Access.ANYONE, null);
        page("POST /verify-email", Access.ANYONE, c -> "token=not-a-token");
        page("GET /account/email", Access.MEMBER, null);
        page("POST /account/email", Access.MEMBER, c -> "email=pagemoved" + SEQ.incrementAndGet() + "%40example.org&current_password="
                + Fixture.PASSWORD.replace(' ', '+'));
        page("POST /account/verify-email", Access.MEMBER, null);
        page("GET /unsubscribe/{token}", Access.ANYONE, null);
        page("POST /unsubscribe/{token}", Access.ANYONE, c -> "List-Unsubscribe=One-Click");
        page("GET /search/", Access.ANYONE, null);
        page("GET /admin/search", Access.ADMIN, null);
        page("POST /admin/search/rebuild", Access.ADMIN, null);
        page("GET /posts/{postId}/report", Access.MEMBER, null);
        page("POST /posts/{postId}/report", Access.MEMBER, c -> "reason=Spam");
        page("GET /members/{member}/report", Access.MEMBER, null);
        page("POST /members/{member}/report", Access.MEMBER, c -> "reason=Rude+title");
        page("GET /reports/", Access.STAFF, null);
        page("GET /reports/{reportId}/", Access.STAFF, null);
        page("POST /reports/{reportId}/comment", Access.STAFF, c -> "comment=Looking");
        page("POST /reports/{reportId}/resolve", Access.STAFF, c -> "comment=Done");
        page("POST /reports/{reportId}/reject", Access.STAFF, c -> "comment=");
        page("GET /posts/{postId}/warn", Access.STAFF, null);
        page("POST /posts/{postId}/warn", Access.STAFF, c -> "points=1&reason=Be+nice&expires_in_days=30");
        page("GET /account/warnings", Access.MEMBER, null);
        page("POST /warnings/{warningId}/revoke", Access.STAFF, c -> "reason=Mistake");
        page("GET /account/profile", Access.MEMBER, null);
        page("POST /account/profile", Access.MEMBER, c -> "about=I+ride.&location=Lyon&date_style=iso");
        page("GET /account/password", Access.MEMBER, null);
        page("POST /account/password", Access.MEMBER, c -> "current_password=not+the+password&new_password=another+long+one");
        page("GET /account/sessions", Access.MEMBER, null);
        page("POST /account/sessions/end", Access.MEMBER, c -> "session=0123456789ab");
        page("POST /account/sessions/end-others", Access.MEMBER, null);
        page("GET /account/delete", Access.MEMBER, null);
        page("POST /account/delete", Access.MEMBER, c -> "password=not+the+password");
        page("GET /members/", Access.ANYONE, null);
        page("GET /admin/audit-log", Access.ADMIN, null);
        page("GET /moderation/approval/", Access.BOARD_MODERATOR, null);
        page("POST /moderation/approval/{heldId}/approve", Access.BOARD_MODERATOR, null);
        page("POST /moderation/approval/{heldId}/reject", Access.BOARD_MODERATOR, c -> "reason=Spam");
        page("GET /held/{heldId}/", Access.MEMBER, null);
        page("GET /admin/api-keys", Access.ADMIN, null);
        page("POST /admin/api-keys", Access.ADMIN, c -> "name=bot&kind=guest&scopes=thread%3Aread");
        page("POST /admin/api-keys/{keyId}/revoke", Access.ADMIN, null);
        page("GET /admin/webhooks", Access.ADMIN, null);
        page("POST /admin/webhooks", Access.ADMIN, c -> "url=http%3A%2F%2F192.0.2.1%2Fhook&events=member.banned");
        page("GET /admin/webhooks/{webhookId}", Access.ADMIN, null);
        page("POST /admin/webhooks/{webhookId}/active", Access.ADMIN, c -> "active=false");
        page("POST /admin/webhooks/{webhookId}/delete", Access.ADMIN, null);
        page("POST /admin/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", Access.ADMIN, null);
        page("GET /conversations/", Access.MEMBER, null);
        page("GET /conversations/page-{page}", Access.MEMBER, null);
        page("GET /start-conversation", Access.MEMBER, null);
        page("POST /start-conversation", Access.MEMBER, c -> "recipients=" + c.target().username() + "&title=Hello&body=Hi+there");
        page("GET /conversations/{conversation}/", Access.ANYONE, null);
        page("GET /conversations/{conversation}/page-{page}", Access.ANYONE, null);
        page("POST /conversations/{conversation}/reply", Access.ANYONE, c -> "body=A+reply");
        page("POST /conversations/{conversation}/invite", Access.ANYONE, c -> "recipients=" + c.invitee());
        page("POST /conversations/{conversation}/leave", Access.ANYONE, null);
        page("GET /conversation-messages/{messageId}/", Access.ANYONE, null);
        page("GET /conversation-messages/{messageId}/report", Access.ANYONE, null);
        page("POST /conversation-messages/{messageId}/report", Access.ANYONE, c -> "reason=Creepy");
        page("POST /conversation-messages/{messageId}/react", Access.ANYONE, c -> "type=like");
        page("GET /account/conversation-blocks", Access.MEMBER, null);
        page("POST /account/conversation-blocks", Access.MEMBER, c -> "username=" + c.target().username());
        rule("POST /boards/{boardId}/attachments", Access.MEMBER, c -> "{}"); // not multipart: 422 for those who may
        rule("GET /attachments/drafts", Access.MEMBER, null);
        rule("DELETE /attachments/{attachmentId}", Access.MEMBER, null);
        page("GET /attachments/{attachmentId}/{name}", Access.ANYONE, null);
        page("GET /attachments/{attachmentId}/thumbnail/{name}", Access.ANYONE, null);
        rule("GET /me/avatar", Access.MEMBER, null);
        rule("PUT /me/avatar", Access.MEMBER, c -> "{}"); // not multipart: 422 for those who may
        rule("DELETE /me/avatar", Access.MEMBER, null);
        page("GET /account/avatar", Access.MEMBER, null);
        page("POST /account/avatar", Access.MEMBER, c -> "file="); // no file: the form again with an error
        page("POST /account/avatar/delete", Access.MEMBER, null);
        page("GET /avatars/{memberId}/{version}/{size}", Access.ANYONE, null);
        // feeds and sitemaps: read as a guest whoever asks; also checked as a private board's group member
        for (String feed : List.of("/feed.atom", "/whats-new/feed.atom", "/boards/{board}/feed.atom", "/threads/{thread}/feed.atom")) {
            publicPage("GET " + feed);
        }
        for (String sitemap : List.of("/sitemap.xml", "/sitemaps/boards.xml", "/sitemaps/threads-{page}.xml", "/robots.txt")) {
            publicPage("GET " + sitemap);
        }
    }

    /** A page anyone may fetch, checked for every role and as a member of a private board's group too. */
    private static void publicPage(String key) {
        page(key, Access.ANYONE, null);
        GROUP_ROUTES.add("PAGE " + key);
    }

    private static void groupRule(String key, Function<Case, String> body) {
        rule(key, Access.ADMIN, body);
        GROUP_ROUTES.add(key);
    }

    private static void groupPage(String key, Function<Case, String> body) {
        page(key, Access.ADMIN, body);
        GROUP_ROUTES.add("PAGE " + key);
    }

    private static void page(String key, Access access, Function<Case, String> body) {
        RULES.put("PAGE " + key, new Rule(access, body));
    }

    private static boolean isPage(ForumRoute r) {
        return !r.path().startsWith(P + "/");
    }

    private static void rule(String key, Access access, Function<Case, String> body) {
        RULES.put(key, new Rule(access, body));
    }

    private static String key(ForumRoute r) {
        return isPage(r) ? "PAGE " + r.method() + " " + r.path() : r.method() + " " + r.path().substring(P.length());
    }

    @Test
    void every_registered_route_has_exactly_the_rule_written_here() {
        Map<String, Access> registered = f.server.plugin.routes().stream()
                .collect(Collectors.toMap(RouteTableTest::key, ForumRoute::access, (a, b) -> {
                    throw new AssertionError("duplicate route");
                }, LinkedHashMap::new));
        Map<String, Access> expected = RULES.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().access(), (a, b) -> a, LinkedHashMap::new));
        assertThat(registered).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void javalin_serves_no_api_route_outside_the_registry() {
        Set<String> inJavalin = new TreeSet<>();
        f.server.handlers.forEach(h -> {
            if (h.getHttpMethod().isHttpMethod() && h.getPath().startsWith(P)
                    && !h.getPath().equals(P) && !h.getPath().equals(P + "/<rest>")) {
                inJavalin.add(h.getHttpMethod().name() + " " + h.getPath().substring(P.length()));
            }
        });
        assertThat(inJavalin).containsExactlyInAnyOrderElementsOf(
                RULES.keySet().stream().filter(k -> !k.startsWith("PAGE ")).toList());
    }

    @Test
    void javalin_serves_no_page_outside_the_registry() {
        Set<String> inJavalin = new TreeSet<>();
        f.server.handlers.forEach(h -> {
            if (h.getHttpMethod().isHttpMethod() && !h.getPath().startsWith(P)) {
                inJavalin.add("PAGE " + h.getHttpMethod().name() + " " + h.getPath());
            }
        });
        assertThat(inJavalin).containsExactlyInAnyOrderElementsOf(
                RULES.keySet().stream().filter(k -> k.startsWith("PAGE ")).toList());
    }

    @TestFactory
    Stream<DynamicTest> each_role_gets_the_answer_its_rule_promises() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ForumRoute route : f.server.plugin.routes()) {
            Rule rule = RULES.get(key(route));
            if (rule == null) {
                continue; // reported by the first test
            }
            for (String role : List.of("guest", "member", "moderator", "admin", "stranger", "insider")) {
                boolean ownerRule = rule.access() == Access.OWNER_OR_STAFF || rule.access() == Access.OWNER_OR_ADMIN;
                if (role.equals("stranger") && !ownerRule) {
                    continue;
                }
                if (role.equals("insider") && !GROUP_ROUTES.contains(key(route))) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(key(route) + " as " + role, () -> check(route, rule, role)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> every_state_changing_route_refuses_a_missing_or_wrong_csrf_token() {
        return f.server.plugin.routes().stream().filter(ForumRoute::changesState).flatMap(route -> Stream.of(
                DynamicTest.dynamicTest(key(route) + " without token", () -> csrf(route, null)),
                DynamicTest.dynamicTest(key(route) + " with a wrong token", () -> csrf(route, "not-the-token"))));
    }

    @Test
    void get_routes_change_nothing_whoever_asks() {
        Case c = freshCase("member");
        List<Client> clients = List.of(f.guest(), f.signedIn(f.mia), f.signedIn(f.moderator), f.signedIn(f.admin));
        String before = snapshot();
        for (ForumRoute route : f.server.plugin.routes()) {
            if (!route.changesState()) {
                for (Client client : clients) {
                    assertThat(client.send("GET", path(route, RULES.get(key(route)), c), null).status())
                            .as(key(route)).isLessThan(500);
                }
            }
        }
        // thread views are buffered counters and a member's read position moves by design; nothing else may change
        assertThat(snapshot()).isEqualTo(before);
    }

    private static String snapshot() {
        var s = f.server.storage;
        StringBuilder out = new StringBuilder();
        s.transactions().readOnly(() -> {
            s.members().forEach(m -> out.append(m).append('\n'));
            s.categories().all().forEach(x -> out.append(x).append('\n'));
            s.boards().all().forEach(x -> out.append(x).append('\n'));
            s.threads().forEach(t -> out.append(t.withCounters(t.replyCount(), t.lastPost()).toString()
                    .replaceAll("viewCount=\\d+", "")).append('\n'));
            s.posts().forEach(x -> out.append(x).append('\n'));
            s.reactions().forEach(x -> out.append(x).append('\n'));
            return null;
        });
        return out.toString();
    }

    private void check(ForumRoute route, Rule rule, String role) {
        Case c = freshCase(role);
        Client client = switch (role) {
            case "guest" -> f.guest();
            case "member" -> f.signedIn(f.mia);
            case "moderator" -> f.signedIn(f.moderator);
            case "admin" -> f.signedIn(f.admin);
            case "insider" -> f.signedIn(insider());
            default -> f.signedIn(f.pat);
        };
        Client.Response r = client.send(route.method(), path(route, rule, c), body(route, rule, c), headers(route));
        int expected = expectedRefusal(rule.access(), role);
        if (expected != 0) {
            assertThat(r.status()).as(route + " as " + role + ": " + r).isEqualTo(expected);
            assertThat(r.errorCode()).isIn("sign_in_required", "not_allowed");
        } else {
            assertThat(r.status()).as(route + " as " + role + ": " + r).isNotIn(401, 403).isLessThan(500);
        }
    }

    /** 0 when the role may call the route, else the status it must get. */
    private static int expectedRefusal(Access access, String role) {
        if (access == Access.ANYONE) {
            return 0;
        }
        if (role.equals("guest")) {
            return 401;
        }
        if (role.equals("insider")) {
            return expectedRefusal(access, "member"); // a group of one's own gives no admin rights
        }
        return switch (access) {
            case MEMBER -> 0;
            case OWNER_OR_STAFF -> role.equals("stranger") ? 403 : 0;
            case OWNER_OR_ADMIN -> role.equals("stranger") || role.equals("moderator") ? 403 : 0;
            case STAFF -> role.equals("member") || role.equals("stranger") ? 403 : 0;
            // the fixture's board gives members no "moderate": core refuses them as the pipeline refuses for STAFF
            case BOARD_MODERATOR -> role.equals("member") || role.equals("stranger") ? 403 : 0;
            case ADMIN -> role.equals("admin") ? 0 : 403;
            case ANYONE -> 0;
        };
    }

    /** The routes of one conversation or message (API and pages). */
    private static boolean aboutOneConversation(ForumRoute r) {
        return r.path().contains("{conversationId}") || r.path().contains("{conversation}") || r.path().contains("{messageId}");
    }

    /**
     * Every route of one conversation or message, for each kind of visitor: its participant gets an answer, while a
     * former participant (who left), a non-participant, a moderator, an admin and a guest all get 404, as if it did
     * not exist (never 401 or 403, which would tell that it does).
     */
    @TestFactory
    Stream<DynamicTest> conversation_routes_answer_participants_and_404_to_everyone_else() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ForumRoute route : f.server.plugin.routes()) {
            if (!aboutOneConversation(route)) {
                continue;
            }
            for (String role : List.of("participant", "former participant", "non-participant", "moderator", "admin", "guest")) {
                tests.add(DynamicTest.dynamicTest(key(route) + " as " + role, () -> checkConversation(route, role)));
            }
        }
        assertThat(tests).hasSize(17 * 6);
        return tests.stream();
    }

    private void checkConversation(ForumRoute route, String role) {
        Member starter = f.member("starter");
        Member former = f.member("former");
        Member outsider = f.member("outsider");
        var talk = f.forum.conversations().start(Fixture.as(starter), "Secret plans", "The first message",
                List.of("mia", former.username()), true);
        f.forum.conversations().leave(Fixture.as(former), talk.id());
        long message = f.forum.conversations().read(Fixture.as(starter), talk.id(), 1).messages().items().get(0).message().id().value();
        Case c = new Case(starter, 0, 0, 0, null, 0, 0, 0, 0, talk.id().value(), message, f.member("invitee").username());
        Client client = switch (role) {
            case "participant" -> f.signedIn(f.mia);
            case "former participant" -> f.signedIn(former);
            case "non-participant" -> f.signedIn(outsider);
            case "moderator" -> f.signedIn(f.moderator);
            case "admin" -> f.signedIn(f.admin);
            default -> f.guest();
        };
        Rule rule = RULES.get(key(route));
        Client.Response r = client.send(route.method(), path(route, rule, c), body(route, rule, c), headers(route));
        if (role.equals("participant")) {
            assertThat(r.status()).as(route + " as " + role + ": " + r).isLessThan(400);
        } else {
            assertThat(r.status()).as(route + " as " + role + ": " + r).isEqualTo(404);
            assertThat(r.body()).doesNotContain("Secret plans").doesNotContain("The first message");
        }
    }

    @Test
    void a_moderator_reads_a_conversation_once_a_participant_reported_one_of_its_messages() {
        Member starter = f.member("starter");
        var talk = f.forum.conversations().start(Fixture.as(starter), "Unwanted", "Buy my pills", List.of("mia"), false);
        long message = f.forum.conversations().read(Fixture.as(starter), talk.id(), 1).messages().items().get(0).message().id().value();
        Client mod = f.signedIn(f.moderator);
        assertThat(mod.send("GET", P + "/conversations/" + talk.id().value(), null).status()).isEqualTo(404);

        assertThat(f.signedIn(f.mia).send("POST", P + "/conversation-messages/" + message + "/report", "{\"reason\":\"Spam\"}")
                .status()).isEqualTo(201);
        Client.Response page = mod.send("GET", "/conversations/" + talk.id().value() + "/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Buy my pills").doesNotContain("id=\"conversation-reply\"");
        assertThat(mod.send("POST", P + "/conversations/" + talk.id().value() + "/messages", "{\"body\":\"Mod here\"}").status())
                .isEqualTo(404);
        assertThat(f.signedIn(f.pat).send("GET", P + "/conversations/" + talk.id().value(), null).status()).isEqualTo(404);
    }

    private void csrf(ForumRoute route, String token) {
        Rule rule = RULES.get(key(route));
        Case c = freshCase("member");
        Client client = f.signedIn(f.mia);
        client.sendCsrf = false;
        List<String> headers = new ArrayList<>(List.of(headers(route)));
        String body = body(route, rule, c);
        if (token != null && isPage(route)) {
            body = (body.isEmpty() ? "" : body + "&") + "_csrf=" + token; // how a form sends it
        } else if (token != null) {
            headers.addAll(List.of("X-CSRF-Token", token));
        }
        Client.Response r = client.send(route.method(), path(route, rule, c), body, headers.toArray(String[]::new));
        assertThat(r.status()).as(route + ": " + r).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("csrf_failed");
    }

    private static Member insider;

    /** A member whose custom group alone may see a private board (guests and members may not). */
    private static synchronized Member insider() {
        if (insider == null) {
            var forum = f.forum;
            var admin = Fixture.as(f.admin);
            insider = f.member("insider");
            var group = forum.groups().create(admin, "Insiders " + SEQ.incrementAndGet(), "Insider", 1);
            forum.groups().place(admin, insider.id(), group.id(), Set.of());
            var secret = forum.boards().createBoard(admin, f.category.id(), "Back room", "", "");
            for (var g : List.of(dev.forumkit.core.group.GroupId.GUESTS, dev.forumkit.core.group.GroupId.MEMBERS)) {
                forum.permissions().set(admin, new dev.forumkit.core.policy.Grant(dev.forumkit.core.policy.Grant.Subject.group(g),
                        dev.forumkit.core.policy.Grant.Scope.board(secret.id()), dev.forumkit.core.policy.Permission.VIEW_BOARD,
                        dev.forumkit.core.policy.GrantValue.DENY));
            }
            forum.permissions().set(admin, new dev.forumkit.core.policy.Grant(
                    dev.forumkit.core.policy.Grant.Subject.group(group.id()), dev.forumkit.core.policy.Grant.Scope.board(secret.id()),
                    dev.forumkit.core.policy.Permission.VIEW_BOARD, dev.forumkit.core.policy.GrantValue.ALLOW));
            assertThat(forum.permissions().canSee(Fixture.as(insider), secret.id())).isTrue();
        }
        return insider;
    }

    private static Case freshCase(String role) {
        Member t = f.member("target");
        Post opening = f.forum.threads().start(Fixture.as(t), f.board.id(), "Fresh thread", "Opening words");
        Post targets = f.forum.posts().reply(Fixture.as(t), opening.threadId(), "Target's reply").post();
        Post mias = f.forum.posts().reply(Fixture.as(f.mia), opening.threadId(), "Mia's reply").post();
        String login = switch (role) {
            case "member" -> "mia";
            case "moderator" -> "moderator";
            case "admin" -> "admin";
            case "insider" -> insider().username();
            default -> "pat";
        };
        long report = f.forum.reports().reportPost(Fixture.as(f.pat), targets.id(), "Spam").value();
        long group = f.forum.groups().create(Fixture.as(f.admin), "Case group " + SEQ.incrementAndGet(), null, 5).id().value();
        long held = f.forum.threads().submit(Fixture.as(t), moderatedBoard(), "Held thread", "Held words", () -> { })
                .held().id().value();
        long warning = f.forum.warnings().warn(Fixture.as(f.admin), targets.id(), 1, "Case warning", null).warning().id().value();
        // a conversation between T and pat: none of the roles checked here takes part in it (see the conversation test)
        var talk = f.forum.conversations().start(Fixture.as(t), "Between us", "Just the two of us", List.of("pat"), true);
        long message = f.forum.conversations().read(Fixture.as(t), talk.id(), 1).messages().items().get(0).message().id().value();
        return new Case(t, opening.threadId().value(), targets.id().value(), mias.id().value(), login, report, group, held,
                warning, talk.id().value(), message, f.member("invitee").username());
    }

    private static dev.forumkit.core.board.BoardId moderatedBoard;

    /** A board every member's post waits on: where each case's held post is. */
    private static synchronized dev.forumkit.core.board.BoardId moderatedBoard() {
        if (moderatedBoard == null) {
            moderatedBoard = f.forum.boards().createBoard(Fixture.as(f.admin), f.category.id(), "Moderated", "", "").id();
            f.forum.approvals().setModerated(Fixture.as(f.admin), moderatedBoard, true);
        }
        return moderatedBoard;
    }

    private static String path(ForumRoute route, Rule rule, Case c) {
        boolean owner = rule.access() == Access.OWNER_OR_STAFF || rule.access() == Access.OWNER_OR_ADMIN;
        if (isPage(route)) {
            return route.path()
                    .replace("{member}", "m." + (owner ? f.mia.id().value() : c.target().id().value()))
                    .replace("{postId}", Long.toString(owner ? c.miasReply() : c.targetsReply()))
                    .replace("{thread}", "fresh-thread." + c.threadId())
                    .replace("{board}", f.board.slug() + "." + f.board.id().value())
                    .replace("{boardId}", Long.toString(f.board.id().value()))
                    .replace("{categoryId}", Long.toString(f.category.id().value()))
                    .replace("{page}", "1")
                    .replace("{file}", "forumkit.css")
                    .replace("{alertId}", "999999999")
                    .replace("{reportId}", Long.toString(c.reportId()))
                    .replace("{heldId}", Long.toString(c.heldId()))
                    .replace("{warningId}", Long.toString(c.warningId()))
                    .replace("{groupId}", Long.toString(c.groupId()))
                    .replace("{memberId}", Long.toString(c.target().id().value()))
                    .replace("{keyId}", "999999999")
                    .replace("{webhookId}", "999999999")
                    .replace("{deliveryId}", "999999999")
                    .replace("{token}", "unknown-token")
                    .replace("{conversation}", Long.toString(c.conversationId()))
                    .replace("{messageId}", Long.toString(c.messageId()))
                    .replace("{attachmentId}", "999999999")
                    .replace("{name}", "x.txt")
                    .replace("{version}", "1")
                    .replace("{size}", "small");
        }
        return route.path().substring(P.length())
                .replace("{memberId}", Long.toString(owner ? f.mia.id().value() : c.target().id().value()))
                .replace("{postId}", Long.toString(owner ? c.miasReply() : c.targetsReply()))
                .replace("{threadId}", Long.toString(c.threadId()))
                .replace("{boardId}", Long.toString(f.board.id().value()))
                .replace("{categoryId}", Long.toString(f.category.id().value()))
                .replace("{alertId}", "999999999")
                .replace("{reportId}", Long.toString(c.reportId()))
                .replace("{heldId}", Long.toString(c.heldId()))
                .replace("{warningId}", Long.toString(c.warningId()))
                .replace("{groupId}", Long.toString(c.groupId()))
                .replace("{keyId}", "999999999")
                .replace("{webhookId}", "999999999")
                .replace("{deliveryId}", "999999999")
                .replace("{conversationId}", Long.toString(c.conversationId()))
                .replace("{messageId}", Long.toString(c.messageId()))
                .replace("{username}", c.target().username())
                .replace("{attachmentId}", "999999999")
                .replace("{sessionId}", "0123456789ab")
                .transform(p -> P + p);
    }

    private static String body(ForumRoute route, Rule rule, Case c) {
        if (key(route).equals("POST /threads/{threadId}/move")) {
            return "{\"board_id\":" + f.board.id().value() + "}";
        }
        if (key(route).equals("PAGE POST /threads/{thread}/move")) {
            return "board_id=" + f.board.id().value();
        }
        if (isPage(route) && route.changesState()) {
            return rule.body() == null ? "" : rule.body().apply(c);
        }
        return rule.body() == null ? null : rule.body().apply(c);
    }

    /** Pages get forms, as a browser sends them. */
    private static String[] headers(ForumRoute route) {
        return isPage(route) && route.changesState()
                ? new String[]{"Content-Type", "application/x-www-form-urlencoded"} : new String[0];
    }
}
