package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What each of a guest thread page's storage reads costs on a cached H2 set, per statement, in one JVM (issue 18,
 * task pageread): the page's reads and variants of them, each in its own read-only transaction as the page's port
 * calls run, over the same pages, rounds interleaved (the variants' order rotates every round). Per statement: the
 * calling thread's CPU and allocation ({@code com.sun.management.ThreadMXBean}). The pages are page 1 of threads
 * 1..N (default 2,000: a set H2's 16 MB cache holds, so this is the warm part of a page, not its file reads).
 *
 * <p>Arguments: DIR rounds pages-per-round warm-up-pages [variant,...]. Not a test (no {@code Test} suffix):
 * {@code java -cp CP dev.forumkit.persistence.jdbi.PageReadCost DIR 8 2000 4000}.
 */
public final class PageReadCost {
    private static final String MEMBER_SQL = "SELECT " + JdbiMembers.TABLE.select("m") + ", p.member_id, p.about,"
            + " p.location, p.website, p.signature, p.signature_html, p.time_zone, p.date_style, p.hide_last_seen,"
            + " p.hide_signatures, p.last_seen_at, p.language FROM members m LEFT JOIN profiles p ON p.member_id = m.id";

    private record PageIds(ThreadId thread, List<MemberId> authors, List<Long> authorIds, List<PostId> posts, List<Long> postIds) {
    }

    private PageReadCost() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int perRound = Integer.parseInt(args[2]);
        int warmUp = Integer.parseInt(args[3]);
        int threadRange = Integer.getInteger("prc.threads", 2_000);
        try (JdbiForumStorage storage = JdbiForumStorage.embeddedH2(dir)) {
            JdbiTransactions db = storage.db();
            List<PageIds> pages = new ArrayList<>();
            Random random = new Random(1);
            for (int i = 0; i < perRound; i++) {
                ThreadId id = ThreadId.of(1 + random.nextInt(threadRange));
                pages.add(storage.transactions().readOnly(() -> {
                    var place = storage.threads().byIdWithPlace(id).orElseThrow();
                    Set<MemberId> authors = new LinkedHashSet<>();
                    authors.add(place.thread().starterId());
                    List<PostId> ids = new ArrayList<>();
                    for (Post p : storage.posts().byNumberRange(id, 1, 20, false)) {
                        authors.add(p.authorId());
                        ids.add(p.id());
                    }
                    return new PageIds(id, List.copyOf(authors), authors.stream().map(MemberId::value).toList(),
                            ids, ids.stream().map(PostId::value).toList());
                }));
            }
            explain(db, pages.get(0));
            Map<String, Consumer<PageIds>> all = new LinkedHashMap<>();
            all.put("empty transaction", p -> { });
            all.put("thread+place (port)", p -> storage.threads().byIdWithPlace(p.thread()));
            all.put("posts (port)", p -> storage.posts().byNumberRange(p.thread(), 1, 20, false));
            all.put("posts (plain JDBC)", p -> plain(db, "SELECT " + JdbiPosts.TABLE.select() + " FROM posts WHERE thread_id = ?"
                    + " AND number BETWEEN 1 AND 20 AND deleted_at IS NULL ORDER BY number", List.of(p.thread().value())));
            all.put("withMembers (port)", p -> storage.profiles().withMembers(p.authors()));
            all.put("withMembers IN, plain JDBC", p -> plain(db, MEMBER_SQL + " WHERE m.id IN (" + marks(p.authorIds().size()) + ")", p.authorIds()));
            all.put("withMembers ANY, Jdbi", p -> db.use(h -> h.createQuery(MEMBER_SQL + " WHERE m.id = ANY(:ids)")
                    .bindArray("ids", Long.class, p.authorIds()).map((rs, ctx) -> JdbiMembers.MAPPER.map(rs, ctx)).forEach(m -> { })));
            all.put("members.byIds (port, no join)", p -> storage.members().byIds(p.authors()));
            all.put("reactions (port)", p -> storage.reactions().countsByPost(p.posts()));
            all.put("reactions IN, plain JDBC", p -> plain(db, "SELECT post_id, type, COUNT(*) AS n FROM reactions WHERE post_id IN ("
                    + marks(p.postIds().size()) + ") GROUP BY post_id, type", p.postIds()));
            all.put("reactions ANY, Jdbi", p -> db.use(h -> h.createQuery("SELECT post_id, type, COUNT(*) AS n FROM reactions"
                    + " WHERE post_id = ANY(:ids) GROUP BY post_id, type").bindArray("ids", Long.class, p.postIds())
                    .map((rs, ctx) -> rs.getLong(1)).forEach(x -> { })));
            all.put("posts (Jdbi, positional ?)", p -> db.use(h -> h.createQuery("SELECT " + JdbiPosts.TABLE.select() + " FROM posts"
                    + " WHERE thread_id = ? AND number BETWEEN ? AND ? AND deleted_at IS NULL ORDER BY number")
                    .bind(0, p.thread().value()).bind(1, 1).bind(2, 20).map(JdbiPosts.MAPPER).list()));
            all.put("posts (JDBC + our mapper)", p -> jdbc(db, "SELECT " + JdbiPosts.TABLE.select() + " FROM posts WHERE thread_id = ?"
                    + " AND number BETWEEN 1 AND 20 AND deleted_at IS NULL ORDER BY number", List.of(p.thread().value()), JdbiPosts.MAPPER));
            all.put("withMembers (Jdbi, IN ?,?)", p -> db.use(h -> {
                var q = h.createQuery(MEMBER_SQL + " WHERE m.id IN (" + marks(p.authorIds().size()) + ")");
                for (int i = 0; i < p.authorIds().size(); i++) {
                    q.bind(i, (long) p.authorIds().get(i));
                }
                q.map(JdbiMembers.MAPPER).forEach(m -> { });
            }));
            all.put("withMembers (JDBC + our mapper)", p -> jdbc(db, MEMBER_SQL + " WHERE m.id IN (" + marks(p.authorIds().size()) + ")",
                    p.authorIds(), JdbiMembers.MAPPER));
            all.put("reactions (Jdbi, IN ?,?)", p -> db.use(h -> {
                var q = h.createQuery("SELECT post_id, type, COUNT(*) AS n FROM reactions WHERE post_id IN ("
                        + marks(p.postIds().size()) + ") GROUP BY post_id, type");
                for (int i = 0; i < p.postIds().size(); i++) {
                    q.bind(i, (long) p.postIds().get(i));
                }
                q.map((rs, ctx) -> rs.getLong(1)).forEach(x -> { });
            }));
            // main's 041a5df code of the two reads, kept here for the A/B against the ports
            all.put("withMembers (old: bindList)", p -> {
                Map<MemberId, dev.forumkit.core.member.Member> found = new HashMap<>();
                Map<MemberId, dev.forumkit.core.profile.Profile> profiles = new HashMap<>();
                List<Long> ids = p.authors().stream().map(MemberId::value).distinct().toList(); // as the port does
                db.use(h -> h.createQuery(MEMBER_SQL + " WHERE m.id IN (<ids>)").bindList("ids", ids).map((rs, ctx) -> {
                    var m = JdbiMembers.MAPPER.map(rs, ctx);
                    found.put(m.id(), m);
                    rs.getLong(JdbiMembers.TABLE.selected() + 1);
                    if (!rs.wasNull()) {
                        profiles.put(m.id(), null);
                    }
                    return m;
                }).forEach(m -> { }));
                new dev.forumkit.core.profile.MembersWithProfiles(found, profiles);
            });
            all.put("reactions (old: bindList, by name)", p -> {
                Map<PostId, Map<String, Integer>> out = new HashMap<>();
                List<Long> ids = p.posts().stream().map(PostId::value).distinct().toList(); // as the port does
                db.use(h -> h.createQuery("SELECT post_id, type, COUNT(*) AS n FROM reactions WHERE post_id IN (<ids>)"
                                + " GROUP BY post_id, type")
                        .bindList("ids", ids)
                        .map((rs, ctx) -> new Object[] {PostId.of(rs.getLong("post_id")), rs.getString("type"), rs.getInt("n")})
                        .forEach(row -> out.computeIfAbsent((PostId) row[0], k -> new HashMap<>()).put((String) row[1], (Integer) row[2])));
            });
            // the port's code before task pagejdbc (Jdbi queries, same SQL text, bound by position), for the A/B
            all.put("thread+place (Jdbi, before pagejdbc)", p -> db.with(h -> h.createQuery(JdbiThreads.WITH_PLACE)
                    .bind(0, p.thread().value()).map(JdbiThreads.PLACE_MAPPER).findOne()));
            all.put("posts (Jdbi, before pagejdbc)", p -> db.with(h -> h.createQuery(JdbiPosts.RANGE)
                    .bind(0, p.thread().value()).bind(1, 1).bind(2, 20).map(JdbiPosts.MAPPER).list()));
            all.put("withMembers (Jdbi, before pagejdbc)", p -> {
                Map<MemberId, dev.forumkit.core.member.Member> found = new HashMap<>();
                Map<MemberId, dev.forumkit.core.profile.Profile> profiles = new HashMap<>();
                List<Long> ids = p.authors().stream().map(MemberId::value).distinct().toList();
                db.use(h -> Rows.bindLongs(h.createQuery(JdbiProfiles.WITH_MEMBERS + Rows.marks(ids.size()) + ")"), 0, ids)
                        .map((rs, ctx) -> {
                            var m = JdbiMembers.MAPPER.map(rs, ctx);
                            found.put(m.id(), m);
                            rs.getLong(JdbiProfiles.PROFILE_AT);
                            if (!rs.wasNull()) {
                                profiles.put(m.id(), JdbiProfiles.at(rs, JdbiProfiles.PROFILE_AT));
                            }
                            return m;
                        }).forEach(m -> { }));
                new dev.forumkit.core.profile.MembersWithProfiles(found, profiles);
            });
            all.put("reactions (Jdbi, before pagejdbc)", p -> {
                Map<PostId, Map<String, Integer>> out = new HashMap<>();
                List<Long> ids = p.posts().stream().map(PostId::value).distinct().toList();
                db.use(h -> Rows.bindLongs(h.createQuery("SELECT post_id, type, COUNT(*) FROM reactions WHERE post_id IN ("
                                + Rows.marks(ids.size()) + ") GROUP BY post_id, type"), 0, ids)
                        .map((rs, ctx) -> {
                            out.computeIfAbsent(PostId.of(rs.getLong(1)), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                            return null;
                        }).forEach(row -> { }));
            });
            all.put("members.byIds (Jdbi bindList, before pagejdbc)", p -> {
                List<Long> values = p.authors().stream().map(MemberId::value).distinct().toList();
                db.with(h -> {
                    Map<MemberId, dev.forumkit.core.member.Member> out = new HashMap<>();
                    h.createQuery("SELECT " + JdbiMembers.TABLE.select() + " FROM members WHERE id IN (<ids>)")
                            .bindList("ids", values).map(JdbiMembers.MAPPER).forEach(m -> out.put(m.id(), m));
                    return out;
                });
            });
            all.put("the four reads, JSON page (port)", p -> {
                storage.threads().byIdWithPlace(p.thread());
                storage.posts().byNumberRange(p.thread(), 1, 20, false);
                storage.members().byIds(p.authors());
                storage.reactions().countsByPost(p.posts());
            });
            all.put("the four reads (port)", p -> {
                storage.threads().byIdWithPlace(p.thread());
                storage.posts().byNumberRange(p.thread(), 1, 20, false);
                storage.profiles().withMembers(p.authors());
                storage.reactions().countsByPost(p.posts());
            });
            List<Consumer<PageIds>> before = List.of(all.get("thread+place (Jdbi, before pagejdbc)"),
                    all.get("posts (Jdbi, before pagejdbc)"), all.get("withMembers (Jdbi, before pagejdbc)"),
                    all.get("reactions (Jdbi, before pagejdbc)"));
            all.put("the four reads (Jdbi, before pagejdbc)", p -> before.forEach(read -> read.accept(p)));
            // a signed-in page's reads (task signedplain): the viewer is the page's first author; its session added once
            String hash = "signedplain-bench-session";
            MemberId viewer = pages.get(0).authors().get(0);
            if (storage.sessions().byTokenHash(hash).isEmpty()) {
                java.time.Instant now = java.time.Instant.now();
                storage.sessions().add(new dev.forumkit.core.session.Session(hash, viewer, now, now.plusSeconds(86_400 * 365),
                        "bench", "127.0.0.1", now));
            }
            all.put("session+member (port)", p -> storage.sessions().withMember(hash).orElseThrow());
            all.put("own reactions (port)", p -> storage.reactions().typesBy(p.authors().get(0), p.posts()));
            all.put("read state (port)", p -> storage.readStates().lastRead(p.authors().get(0), p.thread()));
            all.put("watch (port)", p -> storage.watches().thread(p.authors().get(0), p.thread()));
            all.put("held replies (port)", p -> storage.heldPosts().pendingInThread(p.thread(), p.authors().get(0)));
            all.put("attachments (port)", p -> storage.attachments().ofPosts(p.posts()));
            // the same reads as they were before task signedplain: Jdbi's statements, the same SQL and mappers
            all.put("session+member (Jdbi, before)", p -> db.with(h -> h.createQuery("SELECT " + JdbiMembers.TABLE.select("m")
                            + ", s.token_hash, s.member_id, s.created_at, s.expires_at, s.user_agent, s.ip, s.last_used_at"
                            + " FROM sessions s JOIN members m ON m.id = s.member_id WHERE s.token_hash = :hash").bind("hash", hash)
                    .map((rs, ctx) -> new dev.forumkit.core.session.SessionWithMember(new dev.forumkit.core.session.Session(
                            rs.getString("token_hash"), MemberId.of(rs.getLong("member_id")), Rows.instant(rs, "created_at"),
                            Rows.instant(rs, "expires_at"), rs.getString("user_agent"), rs.getString("ip"),
                            Rows.instant(rs, "last_used_at")), JdbiMembers.MAPPER.map(rs, ctx))).findOne()).orElseThrow());
            all.put("own reactions (Jdbi, before)", p -> {
                Map<PostId, String> out = new HashMap<>();
                List<Long> ids = p.posts().stream().map(PostId::value).distinct().toList();
                db.use(h -> h.createQuery("SELECT post_id, type FROM reactions WHERE member_id = :member AND post_id IN (<ids>)")
                        .bind("member", p.authors().get(0).value()).bindList("ids", ids)
                        .map((rs, ctx) -> Map.entry(PostId.of(rs.getLong("post_id")), rs.getString("type")))
                        .forEach(e -> out.put(e.getKey(), e.getValue())));
            });
            all.put("read state (Jdbi, before)", p -> db.with(h -> h.createQuery("SELECT last_read FROM read_states"
                            + " WHERE member_id = :member AND thread_id = :thread").bind("member", p.authors().get(0).value())
                    .bind("thread", p.thread().value()).mapTo(Integer.class).findOne()).orElse(0));
            all.put("watch (Jdbi, before)", p -> db.with(h -> h.createQuery("SELECT member_id, thread_id, email, created_at"
                            + " FROM thread_watches WHERE member_id = :member AND thread_id = :thread")
                    .bind("member", p.authors().get(0).value()).bind("thread", p.thread().value())
                    .map((rs, ctx) -> new dev.forumkit.core.watch.ThreadWatch(MemberId.of(rs.getLong(1)), ThreadId.of(rs.getLong(2)),
                            rs.getBoolean(3), Rows.instant(rs, 4))).findOne()));
            all.put("held replies (Jdbi, before)", p -> db.with(h -> h.createQuery("SELECT " + JdbiHeldPosts.COLUMNS
                            + " FROM held_posts WHERE thread_id = :thread AND status = 'PENDING' AND author_id = :author"
                            + " ORDER BY held_at, id").bind("thread", p.thread().value()).bind("author", p.authors().get(0).value())
                    .map(JdbiHeldPosts.MAPPER).list()));
            all.put("attachments (Jdbi, before)", p -> {
                Map<PostId, List<dev.forumkit.core.attachment.Attachment>> out = new LinkedHashMap<>();
                List<Long> ids = p.posts().stream().map(PostId::value).distinct().toList();
                db.use(h -> h.createQuery(JdbiAttachments.OF_POSTS + "<ids>) ORDER BY id").bindList("ids", ids)
                        .map(JdbiAttachments.MAPPER).forEach(a -> out.computeIfAbsent(a.post(), k -> new ArrayList<>()).add(a)));
            });
            all.put("boards (port)", p -> storage.boards().all());
            all.put("boards (Jdbi, before)", p -> db.with(h -> h.createQuery(JdbiBoards.ALL).map(JdbiBoards.MAPPER).list()));
            List<String> viewerReads = List.of("session+member", "own reactions", "read state", "watch", "held replies", "attachments");
            List<Consumer<PageIds>> viewerAfter = viewerReads.stream().map(n -> all.get(n + " (port)")).toList();
            List<Consumer<PageIds>> viewerBefore = viewerReads.stream().map(n -> all.get(n + " (Jdbi, before)")).toList();
            all.put("the six viewer reads (port)", p -> viewerAfter.forEach(read -> read.accept(p)));
            all.put("the six viewer reads (Jdbi, before)", p -> viewerBefore.forEach(read -> read.accept(p)));
            if (args.length > 4) {
                all.keySet().retainAll(List.of(args[4].split("\\|")));
            }
            List<String> names = new ArrayList<>(all.keySet());
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            for (String name : names) {
                for (int i = 0; i < warmUp; i++) {
                    PageIds p = pages.get(i % pages.size());
                    storage.transactions().readOnly(() -> {
                        all.get(name).accept(p);
                        return null;
                    });
                }
            }
            Map<String, double[]> cpu = new HashMap<>();
            Map<String, double[]> alloc = new HashMap<>();
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < names.size(); k++) {
                    String name = names.get((k + r) % names.size());
                    Consumer<PageIds> v = all.get(name);
                    long c0 = threads.getCurrentThreadCpuTime();
                    long a0 = threads.getCurrentThreadAllocatedBytes();
                    for (PageIds p : pages) {
                        storage.transactions().readOnly(() -> {
                            v.accept(p);
                            return null;
                        });
                    }
                    cpu.computeIfAbsent(name, x -> new double[rounds])[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / pages.size();
                    alloc.computeIfAbsent(name, x -> new double[rounds])[r] = (threads.getCurrentThreadAllocatedBytes() - a0) / 1024.0 / pages.size();
                }
                System.out.printf("round %d done%n", r);
            }
            for (String name : names) {
                double[] c = cpu.get(name).clone();
                double[] a = alloc.get(name).clone();
                Arrays.sort(c);
                Arrays.sort(a);
                System.out.printf("%-32s CPU median %6.1f us (range %6.1f-%6.1f) | allocated median %6.1f KB (%5.1f-%5.1f)%n",
                        name, c[c.length / 2], c[0], c[c.length - 1], a[a.length / 2], a[0], a[a.length - 1]);
            }
        }
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** One statement with plain JDBC on the transaction's connection (the pool's proxy), reading every column. */
    private static void plain(JdbiTransactions db, String sql, List<Long> args) {
        db.use(h -> {
            Connection c = h.getConnection();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    s.setLong(i + 1, args.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            rs.getObject(i);
                        }
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** One statement with plain JDBC on the transaction's connection, rows through one of our row mappers. */
    private static void jdbc(JdbiTransactions db, String sql, List<Long> args, org.jdbi.v3.core.mapper.RowMapper<?> mapper) {
        db.use(h -> {
            try (PreparedStatement s = h.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    s.setLong(i + 1, args.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        mapper.map(rs, null);
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void explain(JdbiTransactions db, PageIds p) {
        db.use(h -> {
            for (String sql : List.of(MEMBER_SQL + " WHERE m.id = ANY(?)",
                    "SELECT post_id, type, COUNT(*) AS n FROM reactions WHERE post_id = ANY(?) GROUP BY post_id, type")) {
                try (PreparedStatement s = h.getConnection().prepareStatement("EXPLAIN ANALYZE " + sql)) {
                    s.setArray(1, h.getConnection().createArrayOf("BIGINT", (sql.contains("members") ? p.authorIds() : p.postIds()).toArray()));
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        System.out.println(rs.getString(1).replaceAll("\\s+", " "));
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }
}
