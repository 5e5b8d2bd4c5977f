package dev.forumkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forumkit.core.member.Member;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reactions on conversation messages on the real server: the page's buttons work as plain forms (POST, then back to
 * the message), the JSON routes answer like a post's reaction, and the author's public reaction score stays as it was.
 */
class ConversationReactionsHttpTest {
    @RegisterExtension
    static final Fixture f = Fixture.perClass();
    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void a_participant_reacts_with_the_form_and_through_the_api() {
        Member ann = f.member("ann");
        var talk = f.forum.conversations().start(Fixture.as(ann), "Tea", "Green or black?", List.of("mia"), false);
        long message = f.forum.conversations().read(Fixture.as(ann), talk.id(), 1).messages().items().get(0).message().id().value();
        String page = "/conversations/" + talk.id().value() + "/";
        Client mia = f.signedIn(f.mia);
        Client forAnn = f.signedIn(ann);
        String action = "action=\"/conversation-messages/" + message + "/react\"";
        assertThat(mia.get(page).body()).contains(action);
        assertThat(forAnn.get(page).body()).as("no buttons on her own message").doesNotContain(action);

        Client.Response r = mia.send("POST", "/conversation-messages/" + message + "/react", "type=love", "Content-Type", FORM);
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("Location")).isEqualTo("/conversations/" + talk.id().value() + "/#message-" + message);
        assertThat(forAnn.get(page).body()).contains("class=\"reaction-counts\"").contains("data-type=\"love\"");
        assertThat(mia.get(page).body()).contains("value=\"remove\" data-type=\"love\" aria-pressed=\"true\"");

        JsonNode put = mia.send("PUT", "/api/v1/conversation-messages/" + message + "/reaction", "{\"type\":\"like\"}").json();
        assertThat(put.path("reaction").path("counts").path("like").asInt()).isEqualTo(1);
        assertThat(put.path("reaction").path("counts").has("love")).as("a new type replaces the old").isFalse();
        assertThat(put.path("reaction").path("your_reaction").asText()).isEqualTo("like");
        JsonNode seen = forAnn.get("/api/v1/conversations/" + talk.id().value()).json().path("messages").path(0);
        assertThat(seen.path("reactions").path("like").asInt()).isEqualTo(1);
        assertThat(seen.path("can_react").asBoolean()).isFalse();
        assertThat(mia.send("PUT", "/api/v1/conversation-messages/" + message + "/reaction", "{\"type\":\"shrug\"}").status())
                .isEqualTo(422);
        assertThat(forAnn.send("PUT", "/api/v1/conversation-messages/" + message + "/reaction", "{\"type\":\"like\"}").status())
                .as("not on one's own message").isEqualTo(403);
        assertThat(f.forum.members().byId(ann.id()).orElseThrow().reactionScore()).as("private: no reaction score").isZero();

        JsonNode taken = mia.send("DELETE", "/api/v1/conversation-messages/" + message + "/reaction", null).json();
        assertThat(taken.path("reaction").path("counts").isEmpty()).isTrue();
        assertThat(forAnn.get(page).body()).doesNotContain("class=\"reaction-counts\"");
    }
}
