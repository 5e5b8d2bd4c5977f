package dev.forumkit.core.alert;

import dev.forumkit.core.mail.InMemoryMailer;
import dev.forumkit.core.mail.SentEmail;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.forumkit.core.alert.AlertWorld.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reply that quotes or mentions a watcher alerts them as QUOTE or MENTION, not REPLY (one alert per recipient and
 * event); their watch with e-mail still asks for the e-mail. The issue's own scenario: "member A watches a thread,
 * member B replies and quotes A and mentions C; ... A receives one e-mail".
 */
class WatcherEmailTest {
    private final InMemoryMailer mailer = new InMemoryMailer();
    private final AlertWorld w = new AlertWorld(c -> c.mailer(mailer).publicUrl("https://forum.example.org"));
    private final Member ann = w.member("ann");
    private final Member bob = w.member("bob");
    private final Member cat = w.member("cat");
    private final Member dan = w.member("dan");

    @AfterEach
    void close() {
        w.close();
    }

    private List<SentEmail> to(Member m) {
        return mailer.sent().stream().filter(e -> e.email().to().address().equals(m.email())).toList();
    }

    private Post opening() {
        w.forum.alerts().savePreferences(as(ann), w.forum.alerts().preferences(as(ann)).withAutoWatch(false, false));
        Post first = w.forum.threads().start(as(ann), w.board.id(), "Kyoto in spring", "When do they bloom?");
        w.deliver();
        return first;
    }

    @Test
    void a_watcher_with_email_who_is_quoted_or_mentioned_in_a_reply_still_gets_the_email() {
        Post first = opening();
        w.forum.watching().watchThread(as(ann), first.threadId(), true);
        w.forum.watching().watchThread(as(cat), first.threadId(), true);
        w.forum.posts().reply(as(bob), first.threadId(), "[quote=ann post=" + first.id().value() + "]When?[/quote] Ask @cat or @dan");
        w.deliver();

        assertThat(to(ann)).singleElement().satisfies(e -> assertThat(e.email().subject())
                .isEqualTo("bob quoted your post in the thread \"Kyoto in spring\""));
        assertThat(to(cat)).singleElement().satisfies(e -> assertThat(e.email().subject())
                .isEqualTo("bob mentioned you in the thread \"Kyoto in spring\""));
        assertThat(to(ann).get(0).email().text()).contains("because you watch this thread with e-mail");
        assertThat(to(dan)).as("mentioned, watching nothing: on the site only").isEmpty();
        assertThat(w.unread(dan)).isEqualTo(1);
    }

    @Test
    void a_watcher_without_email_who_is_quoted_gets_no_email() {
        Post first = opening();
        w.forum.watching().watchThread(as(ann), first.threadId(), false);
        w.forum.posts().reply(as(bob), first.threadId(), "[quote=ann post=" + first.id().value() + "]When?[/quote] Soon.");
        w.deliver();

        assertThat(mailer.sent()).isEmpty();
        assertThat(w.unread(ann)).isEqualTo(1);
    }

    @Test
    void a_board_watcher_of_every_post_with_email_who_is_mentioned_gets_the_email_one_of_new_threads_only_does_not() {
        Post first = opening();
        w.forum.watching().watchBoard(as(cat), w.board.id(), true, true);
        w.forum.watching().watchBoard(as(dan), w.board.id(), false, true);
        w.forum.posts().reply(as(bob), first.threadId(), "Ask @cat or @dan");
        w.deliver();

        assertThat(to(cat)).singleElement().satisfies(e -> assertThat(e.email().text())
                .contains("because you watch this board with e-mail"));
        assertThat(to(dan)).isEmpty();
    }

    @Test
    void a_quote_added_by_an_edit_is_no_reply_so_the_watch_sends_no_email() {
        Post first = opening();
        w.forum.watching().watchThread(as(ann), first.threadId(), true);
        Post reply = w.forum.posts().reply(as(bob), first.threadId(), "Soon.").post();
        w.deliver();
        assertThat(to(ann)).hasSize(1);
        w.forum.reading().threadPage(as(ann), first.threadId(), 1);
        w.forum.flushViews();

        w.forum.posts().edit(as(bob), reply.id(), "[quote=ann post=" + first.id().value() + "]When?[/quote] Soon.");
        w.deliver();

        assertThat(to(ann)).hasSize(1);
        assertThat(w.alerts(ann).get(0).kind()).isEqualTo(AlertKind.QUOTE);
    }
}
