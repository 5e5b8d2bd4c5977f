package dev.forumkit.core.alert;

import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages of a member's alert list, newest first: unread alerts grouped by {@link Alert#groupKey()}, read alerts one by
 * one. Groups are made when the list is read, over stored single alerts, so storage stays one row per alert and
 * marking read never has to split or merge rows. Only the unread alerts are loaded whole; read ones are fetched one
 * window at a time.
 */
final class AlertPages {
    /** A line before names and titles are added: the alerts it stands for, newest first. */
    record Item(List<Alert> alerts) {
        Alert newest() {
            return alerts.get(0);
        }

        Instant at() {
            return newest().createdAt();
        }

        long id() {
            return newest().id().value();
        }
    }

    static final Comparator<Item> NEWEST_FIRST = Comparator.comparing(Item::at).thenComparingLong(Item::id).reversed();

    private AlertPages() {
    }

    /** Groups unread alerts (given newest first); the groups come newest first by their newest alert. */
    static List<Item> group(List<Alert> unread) {
        Map<Alert.GroupKey, List<Alert>> groups = new LinkedHashMap<>();
        for (Alert a : unread) {
            groups.computeIfAbsent(a.groupKey(), k -> new ArrayList<>()).add(a);
        }
        List<Item> items = new ArrayList<>(groups.size());
        groups.values().forEach(g -> items.add(new Item(List.copyOf(g))));
        items.sort(NEWEST_FIRST);
        return items;
    }

    /**
     * The items at positions {@code [offset, offset + limit)} of the merged list. A read alert at index i of the read
     * list sits at merged position i + (unread groups newer than it), so the window needs read alerts from index
     * {@code offset - groups} on, and at most {@code limit + groups + 1} of them.
     */
    static List<Item> window(List<Item> unread, long readCount, long offset, int limit, Alerts alerts, MemberId member) {
        int groups = unread.size();
        if (readCount == 0) {
            return unread.subList((int) Math.min(offset, groups), (int) Math.min(offset + limit, groups));
        }
        long from = Math.min(Math.max(0, offset - groups), readCount - 1);
        List<Item> read = alerts.readPage(member, (int) from, limit + groups + 1).stream().map(a -> new Item(List.of(a))).toList();
        long start;
        List<Item> candidates;
        if (from == 0 || read.isEmpty()) {
            start = 0;
            candidates = unread;
        } else {
            Item first = read.get(0);
            candidates = unread.stream().filter(u -> NEWEST_FIRST.compare(u, first) > 0).toList();
            start = from + (groups - candidates.size());
        }
        List<Item> merged = merge(candidates, read);
        int skip = (int) Math.max(0, offset - start);
        return merged.subList(Math.min(skip, merged.size()), Math.min(skip + limit, merged.size()));
    }

    private static List<Item> merge(List<Item> a, List<Item> b) {
        List<Item> out = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (j >= b.size() || (i < a.size() && NEWEST_FIRST.compare(a.get(i), b.get(j)) <= 0)) {
                out.add(a.get(i++));
            } else {
                out.add(b.get(j++));
            }
        }
        return out;
    }
}
