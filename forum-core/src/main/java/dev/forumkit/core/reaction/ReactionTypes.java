package dev.forumkit.core.reaction;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured set of reaction types, in display order. */
public final class ReactionTypes {
    private final Map<String, ReactionType> byKey = new LinkedHashMap<>();

    private ReactionTypes(Collection<ReactionType> types) {
        for (ReactionType t : types) {
            if (byKey.put(t.key(), t) != null) {
                throw new IllegalArgumentException("duplicate reaction type: " + t.key());
            }
        }
        if (byKey.isEmpty()) {
            throw new IllegalArgumentException("at least one reaction type is needed");
        }
    }

    public static ReactionTypes of(Collection<ReactionType> types) {
        return new ReactionTypes(types);
    }

    /** Like +1, Love +1, Haha +1, Wow +1, Sad 0, Angry -1. */
    public static ReactionTypes defaults() {
        return of(List.of(
                new ReactionType("like", "Like", 1),
                new ReactionType("love", "Love", 1),
                new ReactionType("haha", "Haha", 1),
                new ReactionType("wow", "Wow", 1),
                new ReactionType("sad", "Sad", 0),
                new ReactionType("angry", "Angry", -1)));
    }

    public Optional<ReactionType> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public List<ReactionType> all() {
        return List.copyOf(byKey.values());
    }

    /** Weight of a stored type; a type no longer configured weighs 0. */
    public int weight(String key) {
        ReactionType t = byKey.get(key);
        return t == null ? 0 : t.weight();
    }

    /** Sum of weights over counts by type. */
    public long score(Map<String, Integer> countsByType) {
        long sum = 0;
        for (Map.Entry<String, Integer> e : countsByType.entrySet()) {
            sum += (long) weight(e.getKey()) * e.getValue();
        }
        return sum;
    }
}
