package dev.forumkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.post.Post;
import dev.forumkit.web.internal.OpenApiRoutes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document ({@code src/main/resources/dev/forumkit/web/openapi.json}) against the route table: every JSON
 * route is documented with its access rule and path parameters, nothing is documented that is not served, and every
 * documented GET route's real answer has the documented top-level fields with their JSON types (a small schema check:
 * required properties, types, one level of {@code $ref}).
 */
class OpenApiTest {
    @RegisterExtension
    static final Fixture f = Fixture.perClass();
    private static final String P = "/api/v1";
    private static final JsonNode DOC = OpenApiRoutes.load();
    /** Open to anyone at the door, but answered to participants only (404 to everyone else): called as the admin. */
    private static final Set<String> PARTICIPANTS_ONLY = Set.of("/conversations/{conversationId}",
            "/conversation-messages/{messageId}");

    private static String key(ForumRoute r) {
        return r.method() + " " + r.path().substring(P.length());
    }

    private static List<ForumRoute> apiRoutes() {
        return f.server.plugin.routes().stream().filter(r -> r.path().startsWith(P + "/")).toList();
    }

    @Test
    void every_json_route_is_in_the_document_with_its_access_rule() {
        List<String> missing = new ArrayList<>();
        List<String> wrongAccess = new ArrayList<>();
        for (ForumRoute r : apiRoutes()) {
            JsonNode op = DOC.path("paths").path(r.path().substring(P.length())).path(r.method().toLowerCase());
            if (op.isMissingNode()) {
                missing.add(key(r));
            } else if (!op.path("x-forumkit-access").asText().equals(r.access().name())) {
                wrongAccess.add(key(r) + " is " + r.access() + ", documented " + op.path("x-forumkit-access").asText());
            }
        }
        assertThat(missing).as("routes missing from " + OpenApiRoutes.RESOURCE + ": add each under \"paths\" (copy a"
                + " similar route's entry; x-forumkit-access is its access rule)").isEmpty();
        assertThat(wrongAccess).as("access rules in " + OpenApiRoutes.RESOURCE).isEmpty();
    }

    @Test
    void the_document_holds_no_route_the_table_does_not_serve() {
        TreeSet<String> served = new TreeSet<>();
        apiRoutes().forEach(r -> served.add(key(r)));
        TreeSet<String> documented = new TreeSet<>();
        DOC.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
        documented.removeAll(served);
        assertThat(documented).as("documented but not served").isEmpty();
    }

    @Test
    void the_document_is_openapi_3_1_and_declares_every_path_parameter() {
        assertThat(DOC.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(DOC.path("info").path("title").asText()).isNotBlank();
        assertThat(DOC.path("info").path("version").asText()).isNotBlank();
        List<String> problems = new ArrayList<>();
        DOC.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
            Matcher m = Pattern.compile("\\{(\\w+)}").matcher(p.getKey());
            while (m.find()) {
                String name = m.group(1);
                boolean declared = false;
                for (JsonNode param : op.getValue().path("parameters")) {
                    declared |= param.path("in").asText().equals("path") && param.path("name").asText().equals(name)
                            && param.path("required").asBoolean();
                }
                if (!declared) {
                    problems.add(op.getKey() + " " + p.getKey() + ": path parameter " + name);
                }
            }
            if (!op.getValue().path("responses").isObject() || op.getValue().path("responses").isEmpty()) {
                problems.add(op.getKey() + " " + p.getKey() + ": no responses");
            }
            if (!op.getValue().path("operationId").isTextual()) {
                problems.add(op.getKey() + " " + p.getKey() + ": no operationId");
            }
        }));
        assertThat(problems).isEmpty();
    }

    @Test
    void it_is_served_with_the_apis_address_as_its_server_under_a_base_path_too() {
        Client.Response r = f.guest().get(P + "/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("servers").path(0).path("url").asText()).isEqualTo("/api/v1");
        assertThat(r.json().path("paths").size()).isEqualTo(DOC.path("paths").size());
        try (TestServer embedded = TestServer.startAt("/community", c -> { })) {
            assertThat(embedded.client().get(P + "/openapi.json").json().path("servers").path(0).path("url").asText())
                    .isEqualTo("/community/api/v1");
        }
    }

    @TestFactory
    Stream<DynamicTest> every_documented_get_answers_with_its_documented_fields() {
        long report = f.forum.reports().reportPost(Fixture.as(f.pat), f.miasReply.id(), "Spam").value();
        // one of each thing a documented GET names by id, all the admin's to read (participant, moderator, admin)
        var talk = f.forum.conversations().start(Fixture.as(f.admin), "Schema check", "A first message", List.of("mia"), false);
        long message = f.forum.conversations().read(Fixture.as(f.admin), talk.id(), 1).messages().items().get(0)
                .message().id().value();
        Board moderated = f.forum.boards().createBoard(Fixture.as(f.admin), f.category.id(), "Held lounge", "", "");
        f.forum.approvals().setModerated(Fixture.as(f.admin), moderated.id(), true);
        Post opening = f.forum.threads().start(Fixture.as(f.admin), moderated.id(), "Held here", "Replies wait");
        long held = f.forum.posts().submitReply(Fixture.as(f.mia), opening.threadId(), "Waiting for approval", () -> { })
                .held().id().value();
        // a documentation address: public, so accepted, and no event of its type happens in this class
        long webhook = f.forum.webhooks().create(Fixture.as(f.admin), "https://203.0.113.7/hook", List.of("member.banned"))
                .id().value();
        List<DynamicTest> tests = new ArrayList<>();
        DOC.path("paths").fields().forEachRemaining(p -> {
            JsonNode get = p.getValue().path("get");
            if (get.isMissingNode()) {
                return;
            }
            if (get.path("responses").path("200").path("content").path("application/json").isMissingNode()) {
                return; // an event stream (LiveUpdatesHttpTest reads those on the wire), not a JSON answer
            }
            String path = p.getKey().replace("{memberId}", Long.toString(f.mia.id().value()))
                    .replace("{boardId}", Long.toString(f.board.id().value()))
                    .replace("{threadId}", Long.toString(f.threadId()))
                    .replace("{postId}", Long.toString(f.miasReply.id().value()))
                    .replace("{groupId}", "2")
                    .replace("{reportId}", Long.toString(report))
                    .replace("{conversationId}", Long.toString(talk.id().value()))
                    .replace("{messageId}", Long.toString(message))
                    .replace("{heldId}", Long.toString(held))
                    .replace("{webhookId}", Long.toString(webhook));
            StringBuilder query = new StringBuilder();
            for (JsonNode param : get.path("parameters")) {
                if (param.path("in").asText().equals("query") && param.path("required").asBoolean()) {
                    String name = param.path("name").asText();
                    query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
                            .append(name.equals("q") ? "kyoto" : name.equals("member") ? f.mia.id().value() : "1");
                }
            }
            String url = P + path + query;
            tests.add(DynamicTest.dynamicTest("GET " + p.getKey(), () -> {
                boolean guest = get.path("x-forumkit-access").asText().equals("ANYONE")
                        && !PARTICIPANTS_ONLY.contains(p.getKey());
                Client c = guest ? f.guest() : f.signedIn(f.admin);
                Client.Response r = c.get(url);
                assertThat(r.status()).as(url + ": " + r).isEqualTo(200);
                JsonNode schema = get.path("responses").path("200").path("content").path("application/json").path("schema");
                List<String> problems = new ArrayList<>();
                check(schema, r.json(), "$", problems);
                assertThat(problems).as(url + " against its documented schema").isEmpty();
            }));
        });
        assertThat(tests).hasSizeGreaterThan(20);
        return tests.stream();
    }

    /** Type, required properties and the properties' types, following {@code $ref} into components. */
    private static void check(JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            schema = DOC.at(ref.substring(1));
            assertThat(schema.isMissingNode()).as("unresolved " + ref).isFalse();
        }
        if (schema.has("type") && !typeMatches(schema.path("type"), value)) {
            problems.add(at + " is " + value.getNodeType() + ", documented " + schema.path("type"));
            return;
        }
        if (value.isNull()) {
            return; // a nullable object that is null has none of its required fields
        }
        for (JsonNode name : schema.path("required")) {
            if (!value.has(name.asText())) {
                problems.add(at + " lacks " + name.asText());
            }
        }
        Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
        while (props.hasNext()) {
            Map.Entry<String, JsonNode> prop = props.next();
            if (value.has(prop.getKey())) {
                check(prop.getValue(), value.get(prop.getKey()), at + "." + prop.getKey(), problems);
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
