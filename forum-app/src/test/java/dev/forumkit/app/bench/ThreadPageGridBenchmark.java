package dev.forumkit.app.bench;

import dev.forumkit.app.ForumServer;
import dev.forumkit.app.Settings;
import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.GrantValue;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.core.policy.PermissionGrid;
import dev.forumkit.core.policy.Permissions;
import dev.forumkit.core.policy.Policy;
import dev.forumkit.core.read.ThreadPage;
import dev.forumkit.persistence.jdbi.ConnectionPools;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;
import dev.forumkit.testkit.ForumFixture;
import dev.forumkit.testkit.StartedThread;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Issue 14's goal "a thread page with the grid on a board with 10 groups within 5 % of today's", in process: one
 * signed-in member reads page 1 of a 61-post thread (20 posts, reactions, authors with cards) on the embedded H2 file
 * database, (a) with no grid rules (today's forum) and (b) with 10 groups holding allow / deny / never rules on the
 * board's category and on the board itself, the reader in four of them and the authors in others (banners on their
 * cards). {@code corePage} is the core call both the HTML and the JSON thread page make; {@code gridWork} is the grid's
 * share of it alone (the reader's permissions, the authors' groups and banners); {@code htmlPage} is the
 * rendered page through the web module over a real socket. Not part of the build; see docs/benchmarks.md
 * ("Permission grid") for the command and the figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ThreadPageGridBenchmark {
    /** {@code none}: no groups and no grants (today's forum); {@code tenGroups}: the grid of issue 14's goal. */
    @Param({"none", "tenGroups"})
    public String grid;

    private Path dir;
    private JdbiForumStorage storage;
    private Forum forum;
    private ForumServer server;
    private HttpClient http;
    private HttpRequest page;
    private Actor reader;
    private Member readerMember;
    private StartedThread thread;
    private List<Member> pageAuthors;
    private List<dev.forumkit.core.member.MemberId> authorIds;

    @Setup(Level.Trial)
    public void forumWithAThread() throws Exception {
        dir = Files.createTempDirectory("forumkit-grid-bench");
        storage = JdbiForumStorage.owning(ConnectionPools.embeddedH2(dir));
        forum = Forum.create(storage, c -> c.passwordHasher(ForumFixture.fastHasher()));
        ForumFixture fx = ForumFixture.on(forum, storage);
        List<Member> authors = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            authors.add(fx.member("author" + i));
        }
        Member me = fx.member("reader");
        reader = Actor.member(me.id());
        thread = fx.thread().by(authors.get(0)).start();
        for (int i = 0; i < 60; i++) {
            var post = fx.reply(authors.get(i % authors.size()), thread.id());
            forum.reactions().react(Actor.member(authors.get((i + 1) % authors.size()).id()), post.id(), "like");
        }
        if (grid.equals("tenGroups")) {
            tenGroups(fx, me, authors);
        }
        Settings settings = new Settings("127.0.0.1", 0, dir, null, null, null, null, null, null, null,
                false, false, false, false);
        server = new ForumServer(settings, storage, forum);
        int port = server.start();
        // HTTP/1.1 on one kept-alive connection: the default would offer every request an h2c upgrade
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"reader@example.org\",\"password\":\""
                        + ForumFixture.PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        check(signIn.statusCode() == 200, "sign-in: " + signIn.statusCode() + " " + signIn.body());
        String cookie = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("forumkit_session="))
                .findFirst().orElseThrow().split(";")[0];
        String slug = fx.reload(thread.id()).slug();
        page = HttpRequest.newBuilder(URI.create(base + "/threads/" + slug + "." + thread.id() + "/"))
                .header("Accept", "text/html").header("Cookie", cookie).build();
        HttpResponse<String> first = http.send(page, HttpResponse.BodyHandlers.ofString());
        check(first.statusCode() == 200 && first.body().contains("post-"), "thread page: " + first.statusCode());
        check(!grid.equals("tenGroups") || first.body().contains("Banner 2"), "the starter's banner is on the page");
        ThreadPage p = corePage();
        check(p.posts().items().size() == 20 && p.canReply(), "20 posts and a reply box");
        readerMember = fx.reload(me);
        pageAuthors = p.posts().items().stream().map(v -> fx.reload(storage.transactions().readOnly(
                () -> storage.members().byId(v.post().authorId())).orElseThrow())).toList();
        authorIds = pageAuthors.stream().map(Member::id).distinct().toList();
    }

    /**
     * 10 groups, each with rules on the category (allow replying, reacting, uploading) and on the board (deny polls in
     * every third group, never uploading in the last): the reader is in four of them (primary 0; 3, 6 and 9), the
     * starter's primary group has a banner, the other authors are spread over the rest.
     */
    private void tenGroups(ForumFixture fx, Member me, List<Member> authors) {
        Actor admin = Actor.member(fx.admin().id());
        List<GroupId> groups = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            GroupId g = forum.groups().create(admin, "Group " + i, i % 2 == 0 ? "Banner " + i : null, i).id();
            groups.add(g);
            for (Permission p : List.of(Permission.REPLY, Permission.REACT, Permission.UPLOAD)) {
                forum.permissions().set(admin, new Grant(Grant.Subject.group(g),
                        Grant.Scope.category(fx.category().id()), p, GrantValue.ALLOW));
            }
            if (i % 3 == 0) {
                forum.permissions().set(admin, new Grant(Grant.Subject.group(g), Grant.Scope.board(thread.boardId()),
                        Permission.VOTE_IN_POLLS, GrantValue.DENY));
            }
            if (i == 9) {
                forum.permissions().set(admin, new Grant(Grant.Subject.group(g), Grant.Scope.board(thread.boardId()),
                        Permission.UPLOAD, GrantValue.NEVER));
            }
        }
        forum.groups().place(admin, me.id(), groups.get(0), Set.of(groups.get(3), groups.get(6), groups.get(9)));
        for (int i = 0; i < authors.size(); i++) {
            forum.groups().place(admin, authors.get(i).id(), groups.get((i + 2) % 10), Set.of(groups.get((i + 5) % 10)));
        }
    }

    @Benchmark
    public ThreadPage corePage() {
        return forum.reading().threadPage(reader, thread.id(), 1);
    }

    /**
     * The CPU time of the benchmark thread per op, as JMH's two counters {@code cpuNanos} and {@code ops} (divide
     * one by the other): the core call runs on this thread only (H2 embedded), so on a shared machine this shows its
     * cost where the wall time shows mostly the wait for a core.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        public long cpuNanos;
        public long ops;

        @Setup(Level.Iteration)
        public void reset() {
            cpuNanos = 0;
            ops = 0;
        }

        long now() {
            return THREADS.getCurrentThreadCpuTime();
        }
    }

    /** {@link #corePage} with its CPU time counted (the clock read costs well under 1 % of a page). */
    @Benchmark
    public ThreadPage corePageCpu(Cpu cpu) {
        long start = cpu.now();
        ThreadPage page = forum.reading().threadPage(reader, thread.id(), 1);
        cpu.cpuNanos += cpu.now() - start;
        cpu.ops++;
        return page;
    }

    /**
     * The grid's whole share of a thread page, without the storage reads around it: the reader's permissions on the
     * board (bits), the authors' groups (cached), and each post's author banner.
     */
    @Benchmark
    public int gridWork() {
        Policy policy = forum.policy();
        Permissions p = policy.permissions(readerMember, java.time.Instant.now(), thread.boardId());
        PermissionGrid g = policy.grid();
        g.prefetch(authorIds);
        int n = p.bits();
        for (Member a : pageAuthors) {
            String banner = g.banner(a.id(), a.role());
            n += banner == null ? 0 : banner.length();
        }
        return n;
    }

    @Benchmark
    public int htmlPage() throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(page, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("thread page: " + r.statusCode());
        }
        return r.body().length;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        server.close();
        forum.close();
        storage.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("benchmark set-up failed: " + what);
        }
    }
}
