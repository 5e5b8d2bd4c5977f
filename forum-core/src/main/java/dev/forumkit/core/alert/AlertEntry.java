package dev.forumkit.core.alert;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.webhook.WebhookId;

import java.time.Instant;
import java.util.List;

/**
 * One line of a member's alert list: a single alert, or several unread alerts of the same kind on the same content
 * shown together ("kenji and 3 others reacted to your post"). {@code ids} are the alerts it stands for, newest
 * first; {@code latestActor} did the newest of them and {@code actorCount} counts the different actors.
 * {@code contentVisible} is false when the viewer may no longer see the post or thread (it was deleted since):
 * show the entry without a link. Titles are null for content that no longer exists, and so are titles and board
 * for content on a board the viewer may not see.
 *
 * <p>An entry about something outside threads has no thread: a report of a member's {@code profile} (with the
 * member's name, null when the account is gone) or a {@code webhook} the forum disabled (with its URL, for admins;
 * {@code contentVisible} is false once the webhook is removed or the viewer is no longer an admin). A system entry
 * ({@link AlertKind#isSystem()}) has no actor: {@code latestActor} is null and {@code actorCount} 0.
 */
public record AlertEntry(
        List<AlertId> ids,
        AlertKind kind,
        ThreadId thread,
        PostId post,
        BoardId board,
        MemberId profile,
        String profileName,
        WebhookId webhook,
        String webhookUrl,
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
        return Math.max(0, actorCount - 1);
    }
}
