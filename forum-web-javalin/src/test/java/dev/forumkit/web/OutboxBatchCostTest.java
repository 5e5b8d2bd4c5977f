package dev.forumkit.web;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.testkit.CallCountingStorage;
import dev.forumkit.testkit.ForumFixture;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the outbox consumers cost for a batch of replies to many threads, in storage calls (never timed): the alerts
 * fan-out, the notification e-mails, the search index and the webhooks read what a batch needs once per batch, so the
 * count does not grow with the number of replies (issue 18, task fanout; docs/performance.md, "The outbox's work per
 * reply"). Before, each reply cost about 15 calls in the consumers: 20 replies were over 300.
 */
class OutboxBatchCostTest {
    private static final int REPLIES = 20;
    /** Counted 2026-12-07 (in-memory): 55 for 20 replies to 20 threads, most of it the consumers' bookkeeping. */
    private static final int DELIVERY_CALLS = 70;

    @Test
    void a_batch_of_replies_to_many_threads_costs_the_consumers_a_fixed_number_of_storage_calls() {
        CallCountingStorage counting = new CallCountingStorage(new InMemoryForumStorage());
        try (Forum forum = ForumFixture.forum(counting.storage(), Clock.systemUTC())) {
            ForumFixture f = ForumFixture.on(forum, counting.storage());
            Member pat = f.member("pat");
            List<Member> members = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                members.add(f.member("member" + i));
            }
            List<ThreadId> threads = new ArrayList<>();
            for (int i = 0; i < REPLIES; i++) {
                threads.add(f.thread().by(members.get(i % members.size())).start().id());
            }
            forum.outbox().drain();
            for (int i = 0; i < REPLIES; i++) { // each thread's starter is alerted of the reply, pat of the mention
                forum.posts().reply(Actor.member(members.get((i + 1) % members.size()).id()), threads.get(i),
                        "Agreed, @" + pat.username() + ", the **new** tyres roll better.");
            }
            counting.reset();
            forum.outbox().drain();
            System.out.printf("storage calls delivering %d replies: %d %s%n", REPLIES, counting.total(), counting.byMethod());
            assertThat(counting.total()).as("%s", counting.byMethod()).isBetween(1, DELIVERY_CALLS);
            assertThat(counting.byMethod()).doesNotContainKeys("Alerts.bySource", "Webhooks.byId");
        }
    }
}
