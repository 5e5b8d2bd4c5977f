package dev.forumkit.core.memory;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.reaction.Reaction;
import dev.forumkit.core.reaction.Reactions;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

final class InMemoryReactions implements Reactions {
    /** Sorted by post, then member: a post's reactions are one range. */
    record Key(long post, long member) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(post, o.post);
            return c != 0 ? c : Long.compare(member, o.member);
        }
    }

    private final Tables db;
    private final InMemoryPosts posts;
    private final Tables.TxMap<Key, Reaction> rows;

    InMemoryReactions(Tables db, InMemoryPosts posts) {
        this.db = db;
        this.posts = posts;
        this.rows = db.map();
    }

    @Override
    public Optional<Reaction> find(PostId post, MemberId member) {
        return db.read(() -> Optional.ofNullable(rows.get(new Key(post.value(), member.value()))));
    }

    @Override
    public void put(Reaction reaction) {
        db.run(() -> {
            if (posts.byId(reaction.postId()).isEmpty()) {
                throw new dev.forumkit.core.NotFoundException("no post " + reaction.postId());
            }
            rows.put(new Key(reaction.postId().value(), reaction.memberId().value()), reaction);
        });
    }

    @Override
    public boolean remove(PostId post, MemberId member) {
        return db.write(() -> rows.remove(new Key(post.value(), member.value())) != null);
    }

    @Override
    public Map<PostId, Map<String, Integer>> countsByPost(Collection<PostId> postIds) {
        return db.read(() -> {
            Map<PostId, Map<String, Integer>> out = new HashMap<>();
            for (PostId id : postIds) {
                for (Reaction r : rows.range(new Key(id.value(), Long.MIN_VALUE), new Key(id.value(), Long.MAX_VALUE)).values()) {
                    out.computeIfAbsent(id, k -> new HashMap<>()).merge(r.type(), 1, Integer::sum);
                }
            }
            return out;
        });
    }

    @Override
    public Map<PostId, String> typesBy(MemberId member, Collection<PostId> postIds) {
        return db.read(() -> {
            Map<PostId, String> out = new HashMap<>();
            for (PostId id : postIds) {
                Reaction r = rows.get(new Key(id.value(), member.value()));
                if (r != null) {
                    out.put(id, r.type());
                }
            }
            return out;
        });
    }

    @Override
    public Map<MemberId, Map<String, Integer>> countsByReceiverInThread(ThreadId thread) {
        return db.read(() -> {
            Map<MemberId, Map<String, Integer>> out = new HashMap<>();
            for (Post p : posts.inThread(thread, 1, Integer.MAX_VALUE)) {
                if (p.isDeleted()) {
                    continue;
                }
                for (Reaction r : rows.range(new Key(p.id().value(), Long.MIN_VALUE), new Key(p.id().value(), Long.MAX_VALUE)).values()) {
                    out.computeIfAbsent(p.authorId(), k -> new HashMap<>()).merge(r.type(), 1, Integer::sum);
                }
            }
            return out;
        });
    }

    @Override
    public void forEach(Consumer<Reaction> action) {
        db.read(() -> List.copyOf(rows.values())).forEach(action);
    }

    @Override
    public Map<String, Integer> receivedBy(MemberId author, java.util.Set<dev.forumkit.core.board.BoardId> excluded) {
        return db.read(() -> {
            Map<String, Integer> out = new HashMap<>();
            for (Post p : posts.visibleByAuthor(author, excluded, false, 0, Integer.MAX_VALUE)) {
                for (Reaction r : rows.range(new Key(p.id().value(), Long.MIN_VALUE), new Key(p.id().value(), Long.MAX_VALUE)).values()) {
                    out.merge(r.type(), 1, Integer::sum);
                }
            }
            return out;
        });
    }
}
