package dev.forumkit.web.internal;

import dev.forumkit.core.search.SearchResult;
import dev.forumkit.core.search.Segment;

import java.time.Instant;
import java.util.List;

/**
 * One found post: where it is (post id and number for the permalink, thread, board), who wrote it, when, and the
 * highlighted snippet and title as plain-text pieces ({@code highlighted} marks the matches; nothing in them is HTML).
 */
public record SearchJson(long postId, int number, String url, ThreadRef thread, BoardRef board, MemberJson author,
                         Instant createdAt, boolean isThreadStart, boolean isDeleted, List<SegmentJson> snippet,
                         List<SegmentJson> titleHighlight) {

    public record ThreadRef(long id, String title, String slug) {
    }

    public record BoardRef(long id, String title) {
    }

    public record SegmentJson(String text, boolean highlighted) {
        static List<SegmentJson> of(List<Segment> segments) {
            return segments.stream().map(s -> new SegmentJson(s.text(), s.highlighted())).toList();
        }
    }

    public static SearchJson from(SearchResult r, String basePath) {
        return new SearchJson(r.post().id().value(), r.post().number(), basePath + "/posts/" + r.post().id().value() + "/",
                new ThreadRef(r.thread().id().value(), r.thread().title(), r.thread().slug()),
                new BoardRef(r.board().id().value(), r.board().title()), MemberJson.from(r.author()),
                r.post().createdAt(), r.post().isFirst(), r.post().isDeleted() || r.thread().isDeleted(),
                SegmentJson.of(r.snippet()), SegmentJson.of(r.title()));
    }
}
