package dev.forumkit.core.policy;

import dev.forumkit.core.Actor;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.board.CategoryId;
import dev.forumkit.core.group.Group;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.group.MemberGroups;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.storage.ForumStorage;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The forum's grid over its storage, compiled once into a {@link Grid} and cached with every resolved
 * (groups, board) permission set, so a page that checks many flags asks the storage nothing. The services call
 * {@link #invalidate()} after a commit that changed grants, groups, memberships or the board structure; a cache built
 * while such a change was committing is thrown away (the generation it was built for has passed). Such commits also
 * raise the stored version ({@code Grants.bump()}), which other nodes check at most once a second.
 */
public final class PermissionGrid {
    private static final int MAX_MEMO = 100_000;
    private static final Map<Role, Set<GroupId>> ROLE_ONLY = Map.of(Role.MEMBER, Set.of(GroupId.MEMBERS),
            Role.MODERATOR, Set.of(GroupId.MODERATORS), Role.ADMIN, Set.of(GroupId.ADMINS));
    private static final Set<GroupId> GUESTS = Set.of(GroupId.GUESTS);

    private final ForumStorage storage;
    private final java.time.Clock clock;
    private final long checkEveryNanos;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong lastCheck = new AtomicLong(System.nanoTime());
    private volatile State state;

    /** A grid that checks the stored version at most once a second. */
    public PermissionGrid(ForumStorage storage, java.time.Clock clock) {
        this(storage, clock, java.time.Duration.ofSeconds(1));
    }

    /** {@code checkEvery}: how often at most the stored version is read to notice other nodes' changes. */
    public PermissionGrid(ForumStorage storage, java.time.Clock clock, java.time.Duration checkEvery) {
        this.storage = storage;
        this.clock = clock;
        this.checkEveryNanos = checkEvery.toNanos();
    }

    /** Forgets the compiled grid; the next check compiles it again. Call after the changing transaction committed. */
    public void invalidate() {
        generation.incrementAndGet();
        state = null;
    }

    /** The compiled grid as it is now. */
    public Grid grid() {
        return state().grid;
    }

    /**
     * The banner of the member's primary custom group (shown on the member card; the role has its own badge); null
     * for none. Served from the cache: a thread page's authors cost no query once seen.
     */
    public String banner(MemberId member, Role role) {
        State st = state();
        MemberGroups mg = st.membership(member);
        Group g = mg.primary() == null ? null : st.groups.get(mg.primary());
        return g == null ? null : g.title();
    }

    /**
     * True if everyone, guests included, may view the board and read its threads, whatever groups they are in: then
     * a fan-out to thousands of watchers need not look at each one's groups.
     */
    public boolean openToAll(BoardId board) {
        State st = state();
        return st.open.computeIfAbsent(board, b -> {
            int read = Permission.VIEW_BOARD.bit() | Permission.READ_THREADS.bit();
            for (GroupId g : List.of(GroupId.GUESTS, GroupId.MEMBERS, GroupId.MODERATORS, GroupId.ADMINS)) {
                if ((st.grid.resolve(Set.of(g), null, b) & read) != read) {
                    return false;
                }
            }
            return !st.grid.neverAnywhere(b, Permission.VIEW_BOARD) && !st.grid.neverAnywhere(b, Permission.READ_THREADS);
        });
    }

    /** Reads the groups of the members not cached yet in one query: a thread page's authors, before their banners. */
    public void prefetch(java.util.Collection<MemberId> members) {
        State st = state();
        List<MemberId> missing = members.stream().filter(m -> !st.memberships.containsKey(m)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        Map<MemberId, MemberGroups> found = storage.groups().of(missing);
        for (MemberId m : missing) {
            st.memberships.put(m, found.getOrDefault(m, MemberGroups.none(m)));
        }
    }

    Permissions permissions(Member member, Standing standing, BoardId board) {
        State st = state();
        Set<GroupId> groups = st.groupsOf(member);
        MemberId own = member != null && st.grid.hasGrantsFor(member.id()) ? member.id() : null;
        int bits = st.resolve(groups, own, board);
        if (standing == Standing.BANNED) {
            bits &= Permissions.bannedMask();
        }
        return new Permissions(standing, bits);
    }

    Set<BoardId> hiddenBoards(Member member, Standing standing) {
        State st = state();
        Set<GroupId> groups = st.groupsOf(member);
        MemberId own = member != null && st.grid.hasGrantsFor(member.id()) ? member.id() : null;
        return st.hidden.computeIfAbsent(new Key(groups, own, null), k -> {
            Set<BoardId> out = new HashSet<>();
            int read = Permission.VIEW_BOARD.bit() | Permission.READ_THREADS.bit();
            for (BoardId b : st.grid.boards().keySet()) {
                if ((st.resolve(groups, own, b) & read) != read) {
                    out.add(b);
                }
            }
            return Set.copyOf(out);
        });
    }

    /** An actor's permissions on a board with what is needed to explain them (reads the member; not cached). */
    Resolved resolveForExplain(Actor actor, BoardId board) {
        State st = state();
        Member member = actor.memberId().flatMap(id -> storage.transactions().readOnly(() -> storage.members().byId(id)))
                .orElse(null);
        Standing standing = Standing.of(member, clock.instant());
        Set<GroupId> groups = st.groupsOf(member);
        MemberId own = member != null && st.grid.hasGrantsFor(member.id()) ? member.id() : null;
        Permissions p = permissions(member, standing, board);
        String name = member == null ? "guest" : member.username();
        List<String> groupNames = groups.stream().map(st.names::group).toList();
        return new Resolved(p, groupNames, perm -> st.grid.trace(groups, own, name, board, perm));
    }

    /** Permissions with the means to trace each one. */
    record Resolved(Permissions permissions, List<String> groupNames, Function<Permission, Grid.Trace> tracer) {
        Grid.Trace trace(Permission p) {
            return tracer.apply(p);
        }

        static Resolved defaults(Actor actor) {
            Standing s = actor.isGuest() ? Standing.GUEST : Standing.MEMBER;
            Set<GroupId> groups = actor.isGuest() ? GUESTS : Set.of(GroupId.MEMBERS);
            return new Resolved(Permissions.defaults(s), List.of(),
                    p -> Grid.DEFAULTS.trace(groups, null, actor.toString(), null, p));
        }
    }

    private State state() {
        State st = state;
        if (st != null && !stale(st)) {
            return st;
        }
        long gen = generation.get();
        State built = storage.transactions().readOnly(() -> load(gen));
        synchronized (this) {
            if (generation.get() == gen && state == null) {
                state = built;
            }
        }
        return built;
    }

    /**
     * Another node may have changed the grid: at most once a second one node reads the stored version and drops a
     * grid built from an older one. This node's own changes invalidate at once, after their commit.
     */
    private boolean stale(State st) {
        long now = System.nanoTime();
        long last = lastCheck.get();
        if (now - last < checkEveryNanos || !lastCheck.compareAndSet(last, now)) {
            return false;
        }
        long stored = storage.transactions().readOnly(() -> storage.grants().version());
        if (stored != st.version) {
            invalidate();
            return true;
        }
        return false;
    }

    private State load(long gen) {
        List<Board> boards = storage.boards().all();
        Map<BoardId, CategoryId> categoryOf = new HashMap<>();
        Map<BoardId, String> boardNames = new HashMap<>();
        for (Board b : boards) {
            categoryOf.put(b.id(), b.categoryId());
            boardNames.put(b.id(), b.title());
        }
        Map<CategoryId, String> categoryNames = storage.categories().all().stream()
                .collect(Collectors.toMap(Category::id, Category::title, (a, b) -> a));
        Map<GroupId, Group> groups = storage.groups().all().stream()
                .collect(Collectors.toMap(Group::id, g -> g, (a, b) -> a));
        Grid.Names names = new Grid.Names() {
            @Override
            public String group(GroupId id) {
                Group g = groups.get(id);
                return g == null ? "#" + id : g.name();
            }

            @Override
            public String board(BoardId id) {
                return boardNames.getOrDefault(id, "#" + id);
            }

            @Override
            public String category(CategoryId id) {
                return categoryNames.getOrDefault(id, "#" + id);
            }
        };
        long version = storage.grants().version(); // read first: a change committed meanwhile makes this grid stale, not lost
        return new State(gen, version, new Grid(storage.grants().all(), categoryOf, names), names, groups);
    }

    private record Key(Set<GroupId> groups, MemberId member, BoardId board) {
    }

    private final class State {
        final long gen;
        final long version;
        final Grid grid;
        final Grid.Names names;
        final Map<Key, Integer> resolved = new ConcurrentHashMap<>();
        final Map<Key, Set<BoardId>> hidden = new ConcurrentHashMap<>();
        final Map<BoardId, Boolean> open = new ConcurrentHashMap<>();
        final Map<MemberId, MemberGroups> memberships = new ConcurrentHashMap<>();
        final Map<GroupId, Group> groups;

        State(long gen, long version, Grid grid, Grid.Names names, Map<GroupId, Group> groups) {
            this.gen = gen;
            this.version = version;
            this.grid = grid;
            this.names = names;
            this.groups = Map.copyOf(groups);
        }

        MemberGroups membership(MemberId member) {
            MemberGroups mg = memberships.get(member);
            if (mg == null) {
                if (memberships.size() > MAX_MEMO) {
                    memberships.clear();
                }
                mg = storage.groups().of(member);
                memberships.put(member, mg);
            }
            return mg;
        }

        int resolve(Set<GroupId> groups, MemberId member, BoardId board) {
            Key key = new Key(groups, member, board);
            Integer bits = resolved.get(key);
            if (bits == null) {
                if (resolved.size() > MAX_MEMO) {
                    resolved.clear();
                }
                bits = grid.resolve(groups, member, board);
                resolved.put(key, bits);
            }
            return bits;
        }

        Set<GroupId> groupsOf(Member member) {
            if (member == null) {
                return GUESTS;
            }
            MemberGroups mg = membership(member.id());
            return mg.isEmpty() ? ROLE_ONLY.get(member.role()) : Set.copyOf(mg.all(member.role()));
        }
    }

    /** For tests: how many (groups, board) sets are resolved in the cache now. */
    int resolvedCount() {
        State st = state;
        return st == null ? 0 : st.resolved.size();
    }
}
