package dev.forumkit.persistence.jdbi.bench;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.testkit.ForumFixture;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/** The reply harnesses' forum: 16 members, 400 threads started by them in turn (as bench/run.sh's reply row). */
record ReplyBenchWorld(List<Member> members, List<ThreadId> threads) {
    static ReplyBenchWorld seed(ForumFixture fx) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            members.add(fx.member("bench" + i));
        }
        List<ThreadId> threads = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            threads.add(fx.thread().by(members.get(i % members.size())).start().id());
        }
        return new ReplyBenchWorld(members, threads);
    }

    /** n replies by random members to random threads, with bench/reply.lua's body (a mention, some markup). */
    IntConsumer replies(Forum forum, Random random) {
        int[] counter = {0};
        return n -> {
            for (int i = 0; i < n; i++) {
                String body = "Benchmark reply " + (counter[0]++) + ": agreed, @" + members.get(0).username()
                        + ", the **new** tyres roll better.";
                forum.posts().reply(Actor.member(members.get(random.nextInt(members.size())).id()),
                        threads.get(random.nextInt(threads.size())), body);
            }
        };
    }
}
