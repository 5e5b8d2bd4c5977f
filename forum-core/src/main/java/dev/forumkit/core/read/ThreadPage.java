package dev.forumkit.core.read;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.member.AuthorCard;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostView;
import dev.forumkit.core.profile.Profile;
import dev.forumkit.core.thread.ForumThread;

import java.util.Map;

/**
 * Page n of a thread for one viewer. Page n holds post numbers 20(n-1)+1 to 20n, so a post's page never changes;
 * deleted posts are left out for viewers who may not see them. {@code firstUnread} is the number of the first
 * post the viewer has not read, or 0. {@code profiles} holds the stored profiles of the page's authors and of the
 * signed-in viewer (read with the authors: signatures and the viewer's settings); who has none has no entry.
 */
public record ThreadPage(ForumThread thread, Board board, Category category, AuthorCard starter, Page<PostView> posts,
                         int firstUnread, boolean canReply, boolean canModerate, boolean canReact,
                         Map<MemberId, Profile> profiles) {
}
