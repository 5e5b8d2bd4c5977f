package dev.forumkit.web.internal;

import dev.forumkit.core.approval.HeldPost;
import dev.forumkit.core.approval.HeldView;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A held post as its author and the board's moderators see it: where it goes, why it waits, what was decided. */
record HeldJson(long id, String status, long boardId, String boardTitle, Long threadId, String title, long authorId,
                String authorName, String body, Instant heldAt, List<String> reasons, Instant decidedAt, String rejection,
                Long postId) {

    static HeldJson from(HeldView v) {
        HeldPost h = v.held();
        return new HeldJson(h.id().value(), h.status().name().toLowerCase(Locale.ROOT), h.board().value(), v.boardTitle(),
                h.thread() == null ? null : h.thread().value(), v.title(), h.author().value(), v.authorName(), h.body(),
                h.heldAt(), h.reasons(), h.decidedAt(), h.rejection(), h.post() == null ? null : h.post().value());
    }
}
