package dev.forumkit.core.profile;

import dev.forumkit.core.member.MemberId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Who viewed a page in the last {@link #WINDOW}, kept in this node's memory so that counting guests never writes to
 * storage. With several nodes each one counts the visitors it served (a load balancer with sticky sessions keeps that
 * close; see docs/accounts.md). Guests are told apart by a key the web layer derives (a hash, never a raw IP).
 */
final class OnlineNow {
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Beyond this many remembered guests new ones are not added until old ones expire: a flood costs bounded memory. */
    static final int MAX_GUESTS = 100_000;
    private final Clock clock;
    private final Map<MemberId, Instant> members = new ConcurrentHashMap<>();
    private final Map<String, Instant> guests = new ConcurrentHashMap<>();

    OnlineNow(Clock clock) {
        this.clock = clock;
    }

    /** What was seen within the window. */
    record Seen(Set<MemberId> members, int guests) {
    }

    void member(MemberId id) {
        members.put(id, clock.instant());
    }

    void guest(String key) {
        if (key == null) {
            return;
        }
        if (guests.size() >= MAX_GUESTS && !guests.containsKey(key)) {
            prune(clock.instant().minus(WINDOW));
            if (guests.size() >= MAX_GUESTS) {
                return;
            }
        }
        guests.put(key, clock.instant());
    }

    void forget(MemberId id) {
        members.remove(id);
    }

    Seen seen() {
        Instant since = clock.instant().minus(WINDOW);
        prune(since);
        return new Seen(members.entrySet().stream().filter(e -> e.getValue().isAfter(since)).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet()), guests.size());
    }

    private void prune(Instant since) {
        members.values().removeIf(t -> !t.isAfter(since));
        guests.values().removeIf(t -> !t.isAfter(since));
    }
}
