package dev.forumkit.testkit.contract;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.markup.MarkupRenderer;
import dev.forumkit.core.markup.MentionedMember;
import dev.forumkit.core.markup.Rendered;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostView;
import dev.forumkit.testkit.ForumFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Post bodies are rendered once, when written or edited; the HTML and the renderer's version are stored beside the
 * source and shown as stored; mentions reach listeners.
 */
public abstract class RenderingContract extends ContractBase {
    /** A renderer with a visible signature: upper-cases the text and turns @name into a mention. */
    private static final class ShoutingRenderer implements MarkupRenderer {
        private static final Pattern MENTION = Pattern.compile("@([A-Za-z0-9_.-]{3,32})");
        final List<String> rendered = new CopyOnWriteArrayList<>();

        @Override
        public Rendered render(String source, dev.forumkit.core.markup.MentionResolver mentions) {
            rendered.add(source);
            Set<MemberId> ids = new HashSet<>();
            Matcher m = MENTION.matcher(source);
            while (m.find()) {
                Optional<MentionedMember> found = mentions.resolve(m.group(1));
                found.ifPresent(mm -> ids.add(mm.id()));
            }
            return new Rendered("<p>" + source.toUpperCase(java.util.Locale.ROOT).replace("<", "&lt;") + "</p>", ids, version());
        }

        @Override
        public String version() {
            return "shouting/7";
        }
    }

    private final ShoutingRenderer renderer = new ShoutingRenderer();
    private final List<ForumEvent> events = new CopyOnWriteArrayList<>();
    private Forum shouting;
    private Member alice;
    private Member bob;

    @BeforeEach
    void shoutingForum() {
        fx();
        alice = fx().member("alice");
        bob = fx().member("bob");
        shouting = ForumFixture.forum(storage, clock, c -> c.markupRenderer(renderer).listener(events::add));
    }

    @AfterEach
    void closeShouting() {
        shouting.close();
    }

    private Post stored(Post p) {
        return read(() -> storage.posts().byId(p.id())).orElseThrow();
    }

    @Test
    void aNewPostStoresItsRenderingAndTheRendererVersion() {
        Post first = shouting.threads().start(actor(alice), fx().board().id(), "Loud", "hello <b>world</b>");
        Post reply = shouting.posts().reply(actor(bob), first.threadId(), "and hello back").post();

        assertThat(stored(first).body()).isEqualTo("hello <b>world</b>");
        assertThat(stored(first).html()).isEqualTo("<p>HELLO &lt;B>WORLD&lt;/B></p>");
        assertThat(stored(first).renderVersion()).isEqualTo("shouting/7");
        assertThat(stored(reply).html()).isEqualTo("<p>AND HELLO BACK</p>");
    }

    @Test
    void anEditRendersTheNewText() {
        Post first = shouting.threads().start(actor(alice), fx().board().id(), "Loud", "before");
        shouting.posts().edit(actor(alice), first.id(), "after");
        assertThat(stored(first).body()).isEqualTo("after");
        assertThat(stored(first).html()).isEqualTo("<p>AFTER</p>");
    }

    @Test
    void pagesShowTheStoredRenderingWithoutRenderingAgain() {
        Post first = shouting.threads().start(actor(alice), fx().board().id(), "Loud", "quiet words");
        int renders = renderer.rendered.size();

        PostView view = shouting.reading().threadPage(Actor.guest(), first.threadId(), 1).posts().items().get(0);
        shouting.reading().threadPage(actor(bob), first.threadId(), 1);

        assertThat(view.bodyHtml()).isEqualTo("<p>QUIET WORDS</p>");
        assertThat(renderer.rendered).hasSize(renders);
    }

    @Test
    void mentionsOfExistingMembersReachListeners() {
        Post first = shouting.threads().start(actor(alice), fx().board().id(), "Hi", "hello @BOB and @nobody-here");
        shouting.posts().edit(actor(alice), first.id(), "now @alice only");
        shouting.outbox().drain();

        ForumEvent.PostCreated created = events.stream().filter(ForumEvent.PostCreated.class::isInstance)
                .map(ForumEvent.PostCreated.class::cast).findFirst().orElseThrow();
        ForumEvent.PostEdited edited = events.stream().filter(ForumEvent.PostEdited.class::isInstance)
                .map(ForumEvent.PostEdited.class::cast).findFirst().orElseThrow();
        assertThat(created.mentions()).containsExactly(bob.id());
        assertThat(edited.mentions()).containsExactly(alice.id());
    }

    @Test
    void theDefaultRendererEscapesEverything() {
        Post first = forum.threads().start(actor(alice), fx().board().id(), "Plain", "<script>alert(1)</script>");
        String html = forum.reading().threadPage(Actor.guest(), first.threadId(), 1).posts().items().get(0).bodyHtml();
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;");
        assertThat(stored(first).renderVersion()).isNotBlank();
    }
}
