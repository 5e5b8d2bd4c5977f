package dev.forumkit.web.internal;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.board.CategoryId;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.read.BoardIndex;
import dev.forumkit.core.read.BoardPage;
import dev.forumkit.web.Access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The board index, a board's threads, and the forum's structure (admins). */
public final class BoardRoutes {
    private BoardRoutes() {
    }

    record CategoryRequest(String title, String description) {
    }

    record BoardRequest(Long categoryId, String title, String description, String guestNotice) {
    }

    record SectionJson(long id, String title, String description, int displayOrder, List<BoardJson> boards) {
    }

    public static void register(RouteTable t) {
        t.get("/boards", Access.ANYONE, BoardRoutes::index);
        t.get("/boards/{boardId}", Access.ANYONE, BoardRoutes::page);
        t.post("/categories", Access.ADMIN, BoardRoutes::createCategory);
        t.post("/categories/{categoryId}/boards", Access.ADMIN, BoardRoutes::createBoard);
        t.patch("/boards/{boardId}", Access.ADMIN, BoardRoutes::updateBoard);
    }

    private static Object index(Call call) {
        BoardIndex index = call.api().forum().reading().boardIndex(call.actor());
        boolean guest = call.viewer().isGuest();
        List<SectionJson> sections = index.categories().stream().map(s -> new SectionJson(s.category().id().value(),
                s.category().title(), s.category().description(), s.category().displayOrder(),
                s.boards().stream().map(b -> BoardJson.from(b.board(), guest, b.lastThreadTitle(), b.lastPosterName(),
                                call.allows(Action.START_THREAD, b.board().id())))
                        .toList())).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("categories", sections);
        body.put("pagination", Pagination.single(sections.size()));
        return body;
    }

    private static Object page(Call call) {
        BoardId id = BoardId.of(call.id("boardId"));
        BoardPage p = call.api().forum().reading().boardPage(call.actor(), id, call.page());
        Board b = p.board();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("board", BoardJson.from(b, call.viewer().isGuest(), null, null, p.canStartThread()));
        body.put("category", BoardJson.CategoryJson.from(p.category()));
        body.put("guest_notice", p.guestNotice());
        body.put("threads", p.threads().items().stream()
                .map(s -> ThreadJson.from(s, call.standing().isStaff())).toList());
        body.put("pagination", Pagination.of(p.threads()));
        return body;
    }

    private static Object createCategory(Call call) {
        CategoryRequest in = call.body(CategoryRequest.class);
        Category c = call.api().forum().boards().createCategory(call.actor(), in.title(), in.description());
        return Reply.created(Map.of("category", BoardJson.CategoryJson.from(c)));
    }

    private static Object createBoard(Call call) {
        CategoryId category = CategoryId.of(call.id("categoryId"));
        BoardRequest in = call.body(BoardRequest.class);
        Board b = call.api().forum().boards().createBoard(call.actor(), category, in.title(), in.description(), in.guestNotice());
        return Reply.created(Map.of("board", BoardJson.full(b)));
    }

    private static Object updateBoard(Call call) {
        BoardId id = BoardId.of(call.id("boardId"));
        BoardRequest in = call.body(BoardRequest.class);
        CategoryId category = in.categoryId() == null || in.categoryId() <= 0 ? null : CategoryId.of(in.categoryId());
        Board b = call.api().forum().boards().updateBoard(call.actor(), id, category, in.title(), in.description(), in.guestNotice());
        return Map.of("board", BoardJson.full(b));
    }
}
