package dev.forumkit.core.alert;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.content.ThreadId;

import java.time.Instant;
import java.util.List;

/**
 * One line of a member's alert list: a single alert, or several unread alerts of the same kind on the same content
 * shown together ("kenji and 3 others reacted to your post"). {@code ids} are the alerts it stands for, newest
 * first; {@code latestActor} did the newest of them and {@code actorCount} counts the different actors.
 * {@code contentVisible} is false when the viewer may no longer see the post or thread (it was deleted since):
 * show the entry without a link. Titles are null for content that no longer exists, and so are titles and board
 * for content on a board the viewer may not see.
 */
public record AlertEntry(
        List<AlertId> ids,
        AlertKind kind,
        ThreadId thread,
        PostId post,
        BoardId board,
        String threadTitle,
        String boardTitle,
        MemberId latestActor,
        String latestActorName,
        int actorCount,
        String detail,
        Instant at,
        boolean read,
        boolean contentVisible) {

    public AlertEntry {
        ids = List.copyOf(ids);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("an alert entry stands for at least one alert");
        }
    }

    /** How many other members acted besides the latest ("and 3 others"). */
    public int otherActors() {
        return actorCount - 1;
    }
}
