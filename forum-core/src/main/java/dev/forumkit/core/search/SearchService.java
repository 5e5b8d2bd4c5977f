package dev.forumkit.core.search;

import dev.forumkit.core.Actor;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.InvalidInputException.FieldError;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.AuthorCard;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Permissions;
import dev.forumkit.core.policy.Standing;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.read.Page;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.ForumThread;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Searching posts. Reads the request into a {@link SearchQuery}, asks the index, and lets through only what the
 * viewer may see by the storage's current state ({@link #mayView}): the index decides what matches, never who sees
 * it, so a post deleted a moment ago is gone from results before the index hears of it.
 */
public final class SearchService {
    /** Results per page. */
    public static final int PER_PAGE = 20;
    /** The last page one may ask for: deep pages cost the engine more and help nobody. */
    public static final int MAX_PAGE = 50;
    private static final int MAX_ROUNDS = 4;
    private final ServiceContext ctx;
    private final ForumStorage s;
    private final SearchIndex index;
    private final SearchRebuilds rebuilds;
    private final boolean available;

    /** {@code available} false: search is turned off ({@code ForumConfig.searchIndexing(false)}). */
    public SearchService(ServiceContext ctx, SearchIndex index, SearchRebuilds rebuilds, boolean available) {
        this.ctx = ctx;
        this.s = ctx.storage;
        this.index = index;
        this.rebuilds = rebuilds;
        this.available = available;
    }

    /** False when search is turned off: {@link #search} then throws {@link SearchUnavailableException}. */
    public boolean available() {
        return available;
    }

    /** The index this forum searches (the live one: after an online rebuild, the new one). */
    public SearchIndex index() {
        return index;
    }

    /** Online rebuilds of the index, by admins. */
    public SearchRebuilds rebuilds() {
        return rebuilds;
    }

    public SearchResults search(Actor actor, SearchRequest request) {
        if (!available) {
            throw new SearchUnavailableException();
        }
        Member me = s.transactions().readOnly(() -> ctx.load(actor));
        Standing standing = ctx.standing(me);
        // boards the viewer may not see are out of the query itself: no hit, title or count of theirs reaches them
        Set<BoardId> hidden = s.transactions().readOnly(() -> ctx.hiddenBoards(me));
        SearchQuery query = query(request, standing, hidden);
        int page = request.page();
        int offset = (page - 1) * PER_PAGE;
        List<SearchResult> items = new ArrayList<>(PER_PAGE);
        long total = 0;
        boolean exact = true;
        long skipped = 0;
        int at = offset;
        // over-fetch: a hit the viewer may not (or no longer) see is skipped and the page filled from further hits
        for (int round = 0; round < MAX_ROUNDS && items.size() < PER_PAGE; round++) {
            int want = PER_PAGE - items.size() + (round == 0 ? 0 : PER_PAGE);
            SearchHits hits = index.search(query, at, want);
            total = hits.total();
            exact = hits.exact();
            if (hits.hits().isEmpty()) {
                break;
            }
            at += hits.hits().size();
            List<SearchResult> visible = visible(me, query, hits.hits());
            skipped += hits.hits().size() - visible.size();
            for (SearchResult r : visible) {
                if (items.size() < PER_PAGE) {
                    items.add(r);
                }
            }
            if (at >= total) {
                break;
            }
        }
        // a bound stays the bound: "more than 1,000" is still true with a few of them skipped
        long shown = exact ? Math.max(0, total - skipped) : total;
        return new SearchResults(query, new Page<>(items, page, Math.min(MAX_PAGE, Page.lastPage(shown, PER_PAGE)),
                PER_PAGE, shown), exact);
    }

    /** The query a request asks for, or an {@link InvalidInputException} naming every field that is wrong. */
    SearchQuery query(SearchRequest r, Standing standing) {
        return query(r, standing, Set.of());
    }

    private SearchQuery query(SearchRequest r, Standing standing, Set<BoardId> hidden) {
        List<FieldError> errors = new ArrayList<>();
        SearchQuery q;
        try {
            q = QueryText.parse(r.text());
        } catch (InvalidInputException e) {
            errors.addAll(e.fieldErrors());
            q = SearchQuery.all();
        }
        MemberId author = null;
        if (r.author() != null) {
            Optional<Member> m = s.transactions().readOnly(() -> s.members().byUsername(r.author()));
            if (m.isEmpty()) {
                errors.add(new FieldError("author", "unknown", "there is no member called " + r.author()));
            } else {
                author = m.get().id();
            }
        }
        Set<BoardId> known = s.transactions().readOnly(() -> s.boards().all()).stream().map(Board::id)
                .filter(b -> !hidden.contains(b)).collect(Collectors.toSet());
        if (!r.boards().isEmpty()) {
            if (!known.containsAll(r.boards())) {
                errors.add(new FieldError("board", "unknown", "there is no such board"));
            }
        }
        if (r.from() != null && r.to() != null && r.from().isAfter(r.to())) {
            errors.add(new FieldError("to", "before_from", "the end date is before the start date"));
        }
        if (r.page() < 1 || r.page() > MAX_PAGE) {
            errors.add(new FieldError("page", "out_of_range", "pages go from 1 to " + MAX_PAGE));
        }
        if (errors.isEmpty() && !q.hasTerms() && author == null) {
            errors.add(new FieldError("q", q.excluded().isEmpty() ? "empty" : "only_excluded",
                    q.excluded().isEmpty() ? "enter a word to search for, or a member's name"
                            : "a search needs at least one word that is not excluded"));
        }
        if (errors.isEmpty() && !q.hasTerms() && r.titlesOnly()) {
            errors.add(new FieldError("q", "empty", "enter a word to search thread titles for"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant from = r.from() == null ? null : r.from().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = r.to() == null ? null : r.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Set<BoardId> boards = r.boards().isEmpty() && !hidden.isEmpty() ? known : r.boards();
        return q.byAuthor(author).inBoards(boards).between(from, until).titlesOnly(r.titlesOnly())
                .includingDeleted(ctx.policy.allows(standing, Action.VIEW_DELETED, Target.NONE))
                .sortedBy(q.hasTerms() ? r.sort() : SearchQuery.Sort.DATE);
    }

    /** The hits the viewer may see, in their order, with what the storage holds now. */
    private List<SearchResult> visible(Member me, SearchQuery query, List<SearchHit> hits) {
        return s.transactions().readOnly(() -> {
            // one read for the page's posts, not one per hit
            Map<PostId, Post> byId = s.posts().byIds(hits.stream().map(SearchHit::post).toList());
            Collection<Post> posts = byId.values();
            Set<ThreadId> threadIds = posts.stream().map(Post::threadId).collect(Collectors.toSet());
            Map<ThreadId, ForumThread> threads = threadIds.isEmpty() ? Map.of() : s.threads().byIds(threadIds);
            Map<BoardId, Board> boards = s.boards().all().stream().collect(Collectors.toMap(Board::id, Function.identity()));
            Set<MemberId> authorIds = posts.stream().map(Post::authorId).collect(Collectors.toCollection(HashSet::new));
            Map<MemberId, Member> authors = authorIds.isEmpty() ? Map.of()
                    : dev.forumkit.core.internal.SeenCounters.of(s, ctx.hiddenBoards(me), s.members().byIds(authorIds));
            Instant now = ctx.now();
            List<SearchResult> out = new ArrayList<>();
            Map<BoardId, Permissions> granted = new HashMap<>();
            for (SearchHit h : hits) {
                Post p = byId.get(h.post());
                ForumThread t = p == null ? null : threads.get(p.threadId());
                Board b = t == null ? null : boards.get(t.boardId());
                if (p == null || t == null || b == null || !mayView(granted.computeIfAbsent(b.id(), id -> ctx.permissions(me, id)), p, t)) {
                    continue;
                }
                Member a = authors.get(p.authorId());
                out.add(new SearchResult(p, t, b, a == null ? AuthorCard.unknown(p.authorId()) : AuthorCard.of(a, now),
                        index.snippet(query, h, PlainText.of(p)), p.isFirst() ? h.title() : List.of()));
            }
            return out;
        });
    }

    /**
     * Whether the viewer may see a found post: the rule thread pages apply (deleted posts and threads for those who
     * may view deleted content), with the grid's permissions on the post's board.
     */
    private boolean mayView(Permissions granted, Post post, ForumThread thread) {
        boolean deleted = post.isDeleted() || thread.isDeleted();
        return ctx.policy.allows(granted, Action.READ_FORUM, Target.board(thread.boardId()))
                && (!deleted || ctx.policy.allows(granted, Action.VIEW_DELETED, Target.board(thread.boardId())));
    }
}
