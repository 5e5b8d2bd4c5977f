package dev.forumkit.web.internal.html;

import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.CategoryId;
import dev.forumkit.core.counter.RecountReport;
import dev.forumkit.core.member.Member;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;

/** Admin pages: categories, boards, finding a member (roles and bans are set on the profile), recount. */
final class AdminPages {
    private AdminPages() {
    }

    static void register(PageTable t) {
        t.get("/admin/", Access.STAFF, AdminPages::home);
        t.get("/admin/categories", Access.ADMIN, call -> categories(call, Form.empty()));
        t.post("/admin/categories", Access.ADMIN, AdminPages::createCategory);
        t.post("/admin/categories/{categoryId}", Access.ADMIN, AdminPages::updateCategory);
        t.get("/admin/boards", Access.ADMIN, call -> boards(call, Form.empty()));
        t.post("/admin/boards", Access.ADMIN, AdminPages::createBoard);
        t.get("/admin/boards/{boardId}", Access.ADMIN, AdminPages::boardForm);
        t.post("/admin/boards/{boardId}", Access.ADMIN, AdminPages::updateBoard);
        t.get("/admin/members", Access.STAFF, AdminPages::members);
        t.post("/admin/recount", Access.ADMIN, AdminPages::recount);
    }

    private static View page(Call call, String template, Text title) {
        Links links = ReadPages.links(call);
        return View.of(template, title).noindex().crumb(new Text("nav.forums"), links.home()).crumb(new Text("nav.admin"), links.admin(""));
    }

    private static Object home(Call call) {
        return View.of("admin/home", new Text("nav.admin")).noindex().crumb(new Text("nav.forums"), ReadPages.links(call).home())
                .with("report", null);
    }

    private static View categories(Call call, Form form) {
        return page(call, "admin/categories", new Text("admin.categories"))
                .with("categories", call.api().forum().boards().categories())
                .with("form", form);
    }

    private static Object createCategory(Call call) {
        Form form = Form.from(call.ctx(), "title", "description");
        try {
            call.api().forum().boards().createCategory(call.actor(), form.get("title"), form.get("description"));
            return Redirect.seeOther(ReadPages.links(call).admin("categories"));
        } catch (RuntimeException e) {
            return PostingPages.problem(e, form, categories(call, form), "title", "description");
        }
    }

    private static Object updateCategory(Call call) {
        CategoryId id = CategoryId.of(call.id("categoryId"));
        Form form = Form.from(call.ctx(), "title", "description");
        try {
            call.api().forum().boards().updateCategory(call.actor(), id, form.get("title"), form.get("description"));
            return Redirect.seeOther(ReadPages.links(call).admin("categories"));
        } catch (RuntimeException e) {
            Form errors = Form.empty(); // each category has its own row form: its problems show above them all
            return PostingPages.problem(e, errors, categories(call, errors));
        }
    }

    private static View boards(Call call, Form form) {
        return page(call, "admin/boards", new Text("admin.boards"))
                .with("categories", call.api().forum().boards().categories())
                .with("boards", call.api().forum().boards().boards())
                .with("form", form);
    }

    private static Object createBoard(Call call) {
        Form form = Form.from(call.ctx(), "category_id", "title", "description", "guest_notice");
        try {
            Long category = Params.number(form.get("category_id"));
            call.api().forum().boards().createBoard(call.actor(), category == null || category <= 0 ? null : CategoryId.of(category),
                    form.get("title"), form.get("description"), form.get("guest_notice"));
            return Redirect.seeOther(ReadPages.links(call).admin("boards"));
        } catch (RuntimeException e) {
            return PostingPages.problem(e, form, boards(call, form), "category_id", "title", "description", "guest_notice");
        }
    }

    private static Board board(Call call) {
        BoardId id = BoardId.of(call.id("boardId"));
        return call.api().forum().boards().board(call.actor(), id).orElseThrow(() -> new NotFoundException("no board " + id));
    }

    private static View boardPage(Call call, Board b, Form form) {
        return page(call, "admin/board", new Text("admin.board.title")).crumb(new Text("admin.boards"), ReadPages.links(call).admin("boards"))
                .with("board", b)
                .with("categories", call.api().forum().boards().categories())
                .with("form", form);
    }

    private static Object boardForm(Call call) {
        Board b = board(call);
        Form form = Form.empty().set("category_id", Long.toString(b.categoryId().value())).set("title", b.title())
                .set("description", b.description()).set("guest_notice", b.guestNotice());
        return boardPage(call, b, form);
    }

    private static Object updateBoard(Call call) {
        Board b = board(call);
        Form form = Form.from(call.ctx(), "category_id", "title", "description", "guest_notice");
        try {
            Long category = Params.number(form.get("category_id"));
            call.api().forum().boards().updateBoard(call.actor(), b.id(), category == null || category <= 0 ? null : CategoryId.of(category),
                    form.get("title"), form.get("description"), form.get("guest_notice"));
            return Redirect.seeOther(ReadPages.links(call).admin("boards"));
        } catch (RuntimeException e) {
            return PostingPages.problem(e, form, boardPage(call, b, form), "category_id", "title", "description", "guest_notice");
        }
    }

    /** Finds a member by name and sends the moderator to the profile, where roles and bans are set. */
    private static Object members(Call call) {
        String name = call.ctx().queryParam("name");
        Form form = Form.empty().set("name", name);
        View page = page(call, "admin/members", new Text("nav.members")).with("form", form);
        if (name == null || name.isBlank()) {
            return page;
        }
        Member m = call.api().forum().members().byUsername(name.strip()).orElse(null);
        if (m == null) {
            return Refusal.of(page, form, new NotFoundException("there is no member named " + name.strip()), "name");
        }
        return Redirect.found(ReadPages.links(call).member(m.id(), m.username()));
    }

    private static Object recount(Call call) {
        RecountReport r = call.api().forum().counters().recount(call.actor());
        return View.of("admin/home", new Text("nav.admin")).noindex().crumb(new Text("nav.forums"), ReadPages.links(call).home()).with("report", r);
    }
}
