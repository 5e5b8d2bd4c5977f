package dev.forumkit.core.storage;

import java.util.function.Supplier;

/**
 * Whether this thread's read-only transactions may go to a read replica, for a storage that has one. Off unless a
 * caller turns it on: the web adapter does for a page view (GET) of a client that wrote nothing in the last seconds,
 * so reads that must see a member's own writes (right after posting, the page a form redirects to) stay on the
 * primary. Write transactions, and reads inside them, always use the primary.
 */
public final class ReplicaReads {
    private static final ThreadLocal<Boolean> ALLOWED = new ThreadLocal<>();

    private ReplicaReads() {
    }

    /** Lets (or stops) this thread's reads use a replica until {@link #clear()}; a request sets it first thing. */
    public static void allow(boolean allowed) {
        if (allowed) {
            ALLOWED.set(Boolean.TRUE);
        } else {
            ALLOWED.remove();
        }
    }

    /** Back to the default: reads go to the primary. */
    public static void clear() {
        ALLOWED.remove();
    }

    /** True when this thread's read-only transactions may use a replica. */
    public static boolean allowed() {
        return ALLOWED.get() != null;
    }

    /** Runs {@code work} with replica reads allowed, and restores what was set before. */
    public static <T> T allowedDuring(Supplier<T> work) {
        boolean before = allowed();
        allow(true);
        try {
            return work.get();
        } finally {
            allow(before);
        }
    }
}
