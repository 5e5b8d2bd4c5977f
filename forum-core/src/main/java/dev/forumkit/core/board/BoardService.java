package dev.forumkit.core.board;

import dev.forumkit.core.audit.AuditAction;
import dev.forumkit.core.audit.AuditTarget;
import dev.forumkit.core.Actor;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.Validation;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Target;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** The forum's structure: categories and boards. Admins only. */
public final class BoardService {
    private final ServiceContext ctx;

    public BoardService(ServiceContext ctx) {
        this.ctx = ctx;
    }

    public Category createCategory(Actor actor, String title, String description) {
        String t = strip(title);
        String d = strip(description);
        validate(t, d, null);
        return ctx.command(events -> {
            Member me = admin(actor);
            ctx.permissionsChanged(); // the grid's boards, categories and names
            int order = ctx.storage.categories().all().size() + 1;
            Category added = ctx.storage.categories().add(Category.withoutId(t, d, order));
            ctx.audit.record(me.id(), AuditAction.CATEGORY_CREATE, AuditTarget.category(added.id()), null, describe(added), null);
            return added;
        });
    }

    /** Renames and describes a category. */
    public Category updateCategory(Actor actor, CategoryId id, String title, String description) {
        String t = strip(title);
        String d = strip(description);
        validate(t, d, null);
        return ctx.command(events -> {
            Member me = admin(actor);
            ctx.permissionsChanged(); // the grid's boards, categories and names
            Category c = category(id);
            Category updated = new Category(c.id(), t, d, c.displayOrder());
            ctx.storage.categories().update(updated);
            ctx.audit.record(me.id(), AuditAction.CATEGORY_UPDATE, AuditTarget.category(id), describe(c), describe(updated), null);
            return updated;
        });
    }

    /** Puts the categories in the given order; the list must name every category once. */
    public void reorderCategories(Actor actor, List<CategoryId> order) {
        ctx.command(events -> {
            Member me = admin(actor);
            ctx.permissionsChanged(); // the grid's boards, categories and names
            List<Category> all = ctx.storage.categories().all();
            requirePermutation(order, all.stream().map(Category::id).toList());
            ctx.audit.record(me.id(), AuditAction.CATEGORY_REORDER, AuditTarget.FORUM,
                    "categories " + all.stream().map(c -> c.id().toString()).toList(), "categories " + order, null);
            for (int i = 0; i < order.size(); i++) {
                Category c = category(order.get(i));
                ctx.storage.categories().update(new Category(c.id(), c.title(), c.description(), i + 1));
            }
            return null;
        });
    }

    public Board createBoard(Actor actor, CategoryId categoryId, String title, String description, String guestNotice) {
        String t = strip(title);
        String d = strip(description);
        String g = strip(guestNotice);
        validate(t, d, g);
        return ctx.command(events -> {
            Member me = admin(actor);
            ctx.permissionsChanged(); // the grid's boards, categories and names
            category(categoryId);
            int order = (int) ctx.storage.boards().all().stream().filter(b -> b.categoryId().equals(categoryId)).count() + 1;
            Board added = ctx.storage.boards().add(Board.withoutId(categoryId, t, d, g.isEmpty() ? null : g, order));
            ctx.audit.record(me.id(), AuditAction.BOARD_CREATE, AuditTarget.board(added.id()), null, describe(added), null);
            return added;
        });
    }

    /** Renames, describes, sets the guest notice (blank removes it) or moves a board to another category. */
    public Board updateBoard(Actor actor, BoardId id, CategoryId categoryId, String title, String description, String guestNotice) {
        String t = strip(title);
        String d = strip(description);
        String g = strip(guestNotice);
        validate(t, d, g);
        return ctx.command(events -> {
            Member me = admin(actor);
            ctx.permissionsChanged(); // the grid's boards, categories and names
            Board b = board(id);
            CategoryId target = categoryId == null ? b.categoryId() : category(categoryId).id();
            Board updated = b.withDetails(target, t, d, g.isEmpty() ? null : g, b.displayOrder());
            ctx.storage.boards().update(updated);
            ctx.audit.record(me.id(), AuditAction.BOARD_UPDATE, AuditTarget.board(id), describe(b), describe(updated), null);
            return updated;
        });
    }

    /** Puts a category's boards in the given order; the list must name each of its boards once. */
    public void reorderBoards(Actor actor, CategoryId categoryId, List<BoardId> order) {
        ctx.command(events -> {
            Member me = admin(actor);
            ctx.permissionsChanged(); // the grid's boards, categories and names
            category(categoryId);
            List<BoardId> existing = ctx.storage.boards().all().stream()
                    .filter(b -> b.categoryId().equals(categoryId)).map(Board::id).toList();
            requirePermutation(order, existing);
            ctx.audit.record(me.id(), AuditAction.BOARD_REORDER, AuditTarget.category(categoryId), "boards " + existing,
                    "boards " + order, null);
            for (int i = 0; i < order.size(); i++) {
                Board b = board(order.get(i));
                ctx.storage.boards().update(b.withDetails(b.categoryId(), b.title(), b.description(), b.guestNotice(), i + 1));
            }
            return null;
        });
    }

    /** The board if the actor may view it (admins see every board, to manage it); empty otherwise. */
    public Optional<Board> board(Actor actor, BoardId id) {
        return ctx.storage.transactions().readOnly(() -> {
            Member me = ctx.load(actor);
            boolean admin = ctx.policy.allows(ctx.standing(me), Action.MANAGE_STRUCTURE, Target.NONE);
            return ctx.storage.boards().byId(id)
                    .filter(b -> admin || ctx.permissions(me, b.id()).has(dev.forumkit.core.policy.Permission.VIEW_BOARD));
        });
    }

    public List<Category> categories() {
        return ctx.storage.transactions().readOnly(() -> ctx.storage.categories().all());
    }

    public List<Board> boards() {
        return ctx.storage.transactions().readOnly(() -> ctx.storage.boards().all());
    }

    private Member admin(Actor actor) {
        Member me = ctx.requireMember(actor);
        ctx.policy.check(ctx.standing(me), Action.MANAGE_STRUCTURE, Target.NONE);
        return me;
    }

    /** A category or board in words, for the audit log's before/after. */
    private static String describe(Category c) {
        return "title: " + c.title() + "; description: " + c.description();
    }

    private static String describe(Board b) {
        return "category " + b.categoryId() + "; title: " + b.title() + "; description: " + b.description()
                + "; guest notice: " + (b.guestNotice() == null ? "none" : b.guestNotice());
    }

    private Category category(CategoryId id) {
        if (id == null) {
            throw dev.forumkit.core.InvalidInputException.of("category_id", "required", "category is required");
        }
        return ctx.storage.categories().byId(id).orElseThrow(() -> new NotFoundException("no category " + id));
    }

    private Board board(BoardId id) {
        return ctx.storage.boards().byId(id).orElseThrow(() -> new NotFoundException("no board " + id));
    }

    private static <T> void requirePermutation(List<T> order, List<T> existing) {
        if (order == null || order.size() != existing.size() || !new HashSet<>(order).equals(new HashSet<>(existing))) {
            throw dev.forumkit.core.InvalidInputException.of("order", "not_a_permutation",
                    "the new order must list every item exactly once");
        }
    }

    private static void validate(String title, String description, String guestNotice) {
        Validation v = Validation.start().length(title, "title", 1, 100).noControlCharacters(title, "title");
        v.require(description.length() <= 1000, "description", "too_long", "description must be at most 1000 characters");
        if (guestNotice != null) {
            v.require(guestNotice.length() <= 1000, "guest_notice", "too_long", "guest notice must be at most 1000 characters");
        }
        v.orThrow();
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
