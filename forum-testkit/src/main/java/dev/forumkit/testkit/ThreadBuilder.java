package dev.forumkit.testkit;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Describes a thread to start through the services: who starts it, where, its title and body, and how many
 * replies follow (by the given authors in turn). Every part has a default.
 */
public final class ThreadBuilder {
    private final ForumFixture fx;
    private Member starter;
    private Board board;
    private String title = "Which tyres for winter?";
    private String body = "Looking for advice on studded tyres.";
    private int replies;
    private List<Member> replyAuthors = List.of();

    ThreadBuilder(ForumFixture fx) {
        this.fx = fx;
    }

    public ThreadBuilder by(Member member) {
        this.starter = Objects.requireNonNull(member);
        return this;
    }

    public ThreadBuilder in(Board value) {
        this.board = Objects.requireNonNull(value);
        return this;
    }

    public ThreadBuilder titled(String value) {
        this.title = value;
        return this;
    }

    public ThreadBuilder body(String value) {
        this.body = value;
        return this;
    }

    /** Adds {@code count} replies after the first post, by {@code authors} in turn (by the starter if none). */
    public ThreadBuilder withReplies(int count, Member... authors) {
        this.replies = count;
        this.replyAuthors = List.of(authors);
        return this;
    }

    public StartedThread start() {
        Member by = starter != null ? starter : fx.member();
        Board where = board != null ? board : fx.board();
        Post first = fx.forum().threads().start(ForumFixture.actor(by), where.id(), title, body);
        List<Post> added = new ArrayList<>();
        for (int i = 0; i < replies; i++) {
            Member author = replyAuthors.isEmpty() ? by : replyAuthors.get(i % replyAuthors.size());
            added.add(fx.reply(author, first.threadId()));
        }
        return new StartedThread(first.threadId(), where.id(), by, first, added);
    }
}
