package dev.forumkit.persistence.jdbi;

import java.util.ArrayList;
import java.util.List;

/**
 * Values for an {@code IN (<ids>)} list, padded to a few fixed lengths (1, 2, 4, 8, 16, 32, 64, then multiples of
 * 64) by repeating the last value. Jdbi writes one placeholder per value, so every distinct length is a distinct SQL
 * text that the database parses and plans anew: a thread page's lists (its posts, their authors) have any length
 * from 1 to 20, and on H2 that parsing cost more than the rows. A repeated value changes nothing in an IN list.
 */
final class InLists {
    private InLists() {
    }

    static List<Long> padded(List<Long> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs at least one value");
        }
        int n = values.size();
        int target = n <= 64 ? Integer.highestOneBit(n - 1) << 1 : (n + 63) / 64 * 64;
        target = Math.max(target, 1);
        if (target == n) {
            return values;
        }
        List<Long> out = new ArrayList<>(target);
        out.addAll(values);
        Long last = values.get(n - 1);
        while (out.size() < target) {
            out.add(last);
        }
        return out;
    }
}
