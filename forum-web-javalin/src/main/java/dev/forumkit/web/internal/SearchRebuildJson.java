package dev.forumkit.web.internal;

import dev.forumkit.core.search.SearchRebuildStatus;

import java.time.Instant;

/** Where the online rebuild of the search index stands: {@code none}, {@code running}, {@code done} or {@code failed}. */
public record SearchRebuildJson(String state, boolean available, Instant startedAt, Instant finishedAt, long total,
                                long written, String error) {
    public static SearchRebuildJson from(SearchRebuildStatus s, boolean available) {
        return new SearchRebuildJson(s.state().code(), available, s.startedAt(), s.finishedAt(), s.total(), s.written(),
                s.error());
    }
}
