package dev.forumkit.web.internal;

import dev.forumkit.web.Access;
import dev.forumkit.web.ForumRoute;

import java.util.ArrayList;
import java.util.List;

/** Routes with their access rule and work, each method and path once; the route and page tables each hold one. */
public final class Registry {
    private final String kind;
    private final List<Entry> entries = new ArrayList<>();

    /** A registered route and the work behind it. */
    public record Entry(ForumRoute route, Endpoint endpoint) {
    }

    /** {@code kind} names what is registered ("route", "page") in the message about a duplicate. */
    public Registry(String kind) {
        this.kind = kind;
    }

    public void add(String method, String fullPath, Access access, Endpoint endpoint) {
        ForumRoute route = new ForumRoute(method, fullPath, access);
        if (entries.stream().anyMatch(e -> e.route().method().equals(method) && e.route().path().equals(fullPath))) {
            throw new IllegalStateException(kind + " registered twice: " + method + " " + fullPath);
        }
        entries.add(new Entry(route, endpoint));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public List<ForumRoute> routes() {
        return entries.stream().map(Entry::route).toList();
    }
}
