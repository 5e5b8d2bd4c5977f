package dev.forumkit.core.memory;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.notify.EmailNotice;
import dev.forumkit.core.notify.EmailNotices;
import dev.forumkit.core.notify.Unsubscribe;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class InMemoryEmailNotices implements EmailNotices {
    private record Key(long member, long thread) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(member, o.member);
            return c != 0 ? c : Long.compare(thread, o.thread);
        }
    }

    private final Tables db;
    private final Tables.TxMap<Key, EmailNotice> notices;
    private final Tables.TxMap<String, Unsubscribe> unsubscribes;

    InMemoryEmailNotices(Tables db) {
        this.db = db;
        this.notices = db.map();
        this.unsubscribes = db.map();
    }

    @Override
    public Optional<EmailNotice> last(MemberId member, ThreadId thread) {
        return db.read(() -> Optional.ofNullable(notices.get(new Key(member.value(), thread.value()))));
    }

    @Override
    public void put(EmailNotice notice) {
        db.run(() -> notices.put(new Key(notice.member().value(), notice.thread().value()), notice));
    }

    @Override
    public void addUnsubscribe(Unsubscribe u) {
        db.run(() -> {
            if (unsubscribes.get(u.tokenHash()) != null) {
                throw new ConflictException("unsubscribe token clash");
            }
            unsubscribes.put(u.tokenHash(), u);
        });
    }

    @Override
    public Optional<Unsubscribe> unsubscribe(String tokenHash) {
        return db.read(() -> Optional.ofNullable(unsubscribes.get(tokenHash)));
    }

    @Override
    public int pruneUnsubscribes(Instant before) {
        return db.write(() -> {
            List<String> old = unsubscribes.values().stream().filter(u -> u.createdAt().isBefore(before))
                    .map(Unsubscribe::tokenHash).toList();
            old.forEach(unsubscribes::remove);
            return old.size();
        });
    }

    /** The member's notices and unsubscribe links, for erasing a deleted account; runs inside a write. */
    void removeMember(MemberId member) {
        long m = member.value();
        java.util.List.copyOf(notices.range(new Key(m, Long.MIN_VALUE), new Key(m, Long.MAX_VALUE)).keySet()).forEach(notices::remove);
        unsubscribes.values().stream().filter(u -> u.member().equals(member)).map(Unsubscribe::tokenHash).toList()
                .forEach(unsubscribes::remove);
    }
}
