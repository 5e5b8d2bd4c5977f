package dev.forumkit.core.watch;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Objects;

/**
 * A member watches a board: new threads alert them, and with {@code everyPost} every new reply too; {@code email}
 * asks for e-mails as well.
 */
public record BoardWatch(MemberId member, BoardId board, boolean everyPost, boolean email, Instant since) {
    public BoardWatch {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(since, "since");
    }
}
