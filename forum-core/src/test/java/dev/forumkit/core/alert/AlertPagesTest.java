package dev.forumkit.core.alert;

import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.read.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.forumkit.core.alert.AlertWorld.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Paging the merged list of unread groups and read alerts gives every entry once, newest first. */
class AlertPagesTest {
    private final AlertWorld w = new AlertWorld();

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void pages_hold_every_entry_once_newest_first_whatever_mix_of_read_and_unread() {
        Member ann = w.member("ann");
        List<Member> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            others.add(w.member("other" + i));
        }
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            posts.add(w.forum.threads().start(as(ann), w.board.id(), "Thread " + i, "Post " + i));
        }
        w.deliver();
        Random random = new Random(42);
        for (int round = 0; round < 150; round++) {
            Post p = posts.get(random.nextInt(posts.size()));
            Member by = others.get(random.nextInt(others.size()));
            if (random.nextBoolean()) {
                w.forum.posts().reply(as(by), p.threadId(), "reply " + round);
            } else {
                w.forum.reactions().unreact(as(by), p.id());
                w.forum.reactions().react(as(by), p.id(), "like");
            }
            w.deliver();
            if (random.nextInt(4) == 0) {
                List<AlertEntry> first = w.alerts(ann);
                if (!first.isEmpty()) {
                    w.forum.alerts().markRead(as(ann), first.get(random.nextInt(first.size())).ids().get(0));
                }
            }
        }

        List<AlertEntry> all = new ArrayList<>();
        Page<AlertEntry> page = w.page(ann, 1);
        for (int n = 1; n <= page.lastPage(); n++) {
            all.addAll(w.page(ann, n).items());
        }

        assertThat(page.lastPage()).as("several pages").isGreaterThan(2);
        assertThat(all).anyMatch(AlertEntry::read).anyMatch(e -> !e.read()).anyMatch(e -> e.ids().size() > 1);
        assertThat(all).hasSize((int) page.total());
        assertThat(all.stream().flatMap(e -> e.ids().stream()).toList()).doesNotHaveDuplicates()
                .hasSize((int) (w.unread(ann) + w.storage.alerts().countRead(ann.id())));
        for (int i = 1; i < all.size(); i++) {
            AlertEntry before = all.get(i - 1);
            AlertEntry after = all.get(i);
            assertThat(before.at().isAfter(after.at()) || (before.at().equals(after.at())
                    && before.ids().get(0).value() > after.ids().get(0).value())).as("entry %d is older than entry %d", i - 1, i).isTrue();
        }
        assertThat(all).filteredOn(e -> !e.read()).extracting(e -> List.of(e.kind(), e.thread(), String.valueOf(e.post())))
                .doesNotHaveDuplicates();
        assertThat(all).filteredOn(AlertEntry::read).allSatisfy(e -> assertThat(e.ids()).hasSize(1));
    }
}
