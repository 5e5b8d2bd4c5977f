package dev.forumkit.web.internal.html;

import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.BiFunction;

/** Moderator tools as plain forms: lock, pin, move, delete and restore threads; titles, roles and bans of members. */
final class ModerationPages {
    private ModerationPages() {
    }

    static void register(PageTable t) {
        thread(t, "lock", (call, id) -> call.api().forum().threads().lock(call.actor(), id, true));
        thread(t, "unlock", (call, id) -> call.api().forum().threads().lock(call.actor(), id, false));
        thread(t, "pin", (call, id) -> call.api().forum().threads().pin(call.actor(), id, true));
        thread(t, "unpin", (call, id) -> call.api().forum().threads().pin(call.actor(), id, false));
        thread(t, "move", ModerationPages::move);
        thread(t, "delete", (call, id) -> call.api().forum().threads().delete(call.actor(), id, call.ctx().formParam("reason")));
        thread(t, "restore", (call, id) -> call.api().forum().threads().restore(call.actor(), id));
        t.post("/members/{member}/title", Access.OWNER_OR_ADMIN, ModerationPages::title);
        t.post("/members/{member}/role", Access.ADMIN, ModerationPages::role);
        t.post("/members/{member}/ban", Access.STAFF, ModerationPages::ban);
        t.post("/members/{member}/unban", Access.STAFF, ModerationPages::unban);
    }

    private static void thread(PageTable t, String action, BiFunction<Call, ThreadId, ForumThread> work) {
        t.post("/threads/{thread}/" + action, Access.BOARD_MODERATOR, call -> {
            ForumThread changed = work.apply(call, ThreadId.of(Params.id(call, "thread")));
            return Redirect.seeOther(ReadPages.links(call).thread(changed));
        });
    }

    private static ForumThread move(Call call, ThreadId id) {
        Long board = Params.number(call.ctx().formParam("board_id"));
        if (board == null || board <= 0) {
            throw InvalidInputException.of("board_id", "required", "choose the board to move the thread to");
        }
        return call.api().forum().threads().move(call.actor(), id, BoardId.of(board));
    }

    private static MemberId member(Call call) {
        return MemberId.of(Params.id(call, "member"));
    }

    private static Object profile(Call call, Member m) {
        return Redirect.seeOther(ReadPages.links(call).member(m.id(), m.username()));
    }

    private static Object title(Call call) {
        Form form = Form.from(call.ctx(), "custom_title");
        try {
            return profile(call, call.api().forum().members().updateCustomTitle(call.actor(), member(call), form.get("custom_title")));
        } catch (RuntimeException e) {
            return PostingPages.problem(e, form, ReadPages.member(call, form), "custom_title");
        }
    }

    private static Object role(Call call) {
        String raw = call.ctx().formParam("role");
        Role role;
        try {
            role = Role.valueOf(raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("role", "unknown_role", "role must be member, moderator or admin");
        }
        return profile(call, call.api().forum().members().changeRole(call.actor(), member(call), role));
    }

    private static Object ban(Call call) {
        Form form = Form.from(call.ctx(), "reason", "until");
        try {
            Instant until = null;
            String raw = form.value("until").strip();
            if (!raw.isEmpty()) {
                try {
                    until = LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e) {
                    throw InvalidInputException.of("until", "invalid_date", "give the end date as year-month-day");
                }
            }
            return profile(call, call.api().forum().members().ban(call.actor(), member(call), form.get("reason"), until));
        } catch (RuntimeException e) {
            return PostingPages.problem(e, form, ReadPages.member(call, form), "reason", "until");
        }
    }

    private static Object unban(Call call) {
        return profile(call, call.api().forum().members().unban(call.actor(), member(call)));
    }
}
