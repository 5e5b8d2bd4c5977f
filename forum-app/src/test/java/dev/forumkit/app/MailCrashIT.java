package dev.forumkit.app;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.forumkit.core.alert.AlertKind;
import dev.forumkit.core.alert.Delivery;
import dev.forumkit.core.alert.Preferences;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.watch.ThreadWatch;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;
import dev.forumkit.mail.smtp.TestSmtpServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.forumkit.app.JarProcess.QUICK_START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash during the e-mail fan-out: the jar sends through a GreenMail server this test starts. Each try asks for a
 * password reset link, then replies to a thread watched with e-mail by {@value #WATCHERS} members (quoting its first
 * post and mentioning a member who wants mentions by e-mail) until the server is killed with SIGKILL while the mail
 * consumer is part-way through that thread's e-mails. After the last restart and once the admin JSON shows no lag,
 * every reply has exactly its alerts, and every e-mail arrived exactly once: one per watcher and thread (batching:
 * nobody reads), one per reset request.
 *
 * <p>The one exception is the e-mail in doubt at a kill: accepted by the SMTP server, not yet recorded as sent (see
 * docs/mail.md). It arrives twice with the same Message-ID, and there is at most one per kill; the test finds it in
 * the file right after the kill and holds it to exactly that. {@code -Dforumkit.mail.kills=N} kills N times.
 *
 * <p>Why: the mail consumer used to rely on its batch position alone, and a redelivered event sent its e-mails again,
 * so every e-mail handled since the last record (a reset link, a thread's fan-out) went out twice after a kill. Now
 * each e-mail is recorded as sent right after the SMTP server took it (docs/mail.md).
 */
class MailCrashIT {
    private static final int WATCHERS = 50;
    /** The last {@value #WATCHERS} members watch with e-mail (a watcher quoted in a reply is e-mailed as a watcher). */
    private static final int MEMBERS = WATCHERS + 30;
    private static final int ADMIN = 1;
    private static final int REPLIER = 2;
    private static final int MENTIONED = 3;
    /** Replies to a try's thread, at most. */
    private static final int REPLIES = 25;
    /** member10, member11, ... ask for a reset link, one per try. */
    private static final int FIRST_RESET = 10;
    private static final Pattern THREADS = Pattern.compile("threads (\\d+)\\.\\.(\\d+)");
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(TestSmtpServers.smtp());
    private final Mailbox mailbox = new Mailbox(SMTP);

    /** One start of the server that ended with a kill; {@code inDoubt}: e-mails sent but not recorded at the kill. */
    private record Try(long thread, String resetTo, boolean duringFanOut, Set<String> inDoubt, String note) {
    }

    @Test
    void every_alert_and_every_email_exists_exactly_once_after_kill_minus_9_during_the_mail_fan_out(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path data) throws Exception {
        long started = System.nanoTime();
        int kills = Integer.getInteger("forumkit.mail.kills", 3);
        int threads = kills + 3; // a try whose fan-out ended before the kill does not count, and uses up a thread
        Random random = new Random(Long.getLong("forumkit.torture.seed", 42));
        H2File file = new H2File(data);
        Map<String, String> settings = Map.of("FORUMKIT_DATA_DIR", data.toString(), "FORUMKIT_RATE_LIMITS", "false",
                "FORUMKIT_SMTP_HOST", "127.0.0.1", "FORUMKIT_SMTP_PORT", Integer.toString(SMTP.getSmtp().getPort()),
                "FORUMKIT_SMTP_TLS", "none", "FORUMKIT_MAIL_FROM", "forum@example.org", "FORUMKIT_PUBLIC_URL", "http://forum.test");
        String generated = JarProcess.command(QUICK_START, settings, "generate", "--members", String.valueOf(MEMBERS),
                "--boards", "1", "--threads", String.valueOf(threads), "--posts", String.valueOf(threads * 3),
                "--reactions", "0", "--seed", "5");
        long generatedAt = System.nanoTime();
        Matcher range = THREADS.matcher(generated);
        assertThat(range.find()).as(generated).isTrue();
        long firstThread = Long.parseLong(range.group(1));
        long lastGeneratedPost = file.number("SELECT MAX(id) FROM posts");
        String mentioned = watchWithEmail(data, firstThread, threads);

        HttpClient http = Load.client();
        Members.Session admin = null;
        Members.Session replier = null;
        List<Try> tries = new ArrayList<>();
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        while (tries.stream().filter(Try::duringFanOut).count() < kills) {
            assertThat(tries.size()).as("tries, of which too few killed during the fan-out: %s", tries).isLessThan(threads);
            long thread = firstThread + tries.size();
            String resetTo = "member" + (FIRST_RESET + tries.size()) + "@example.com";
            String quote = quote(file, thread);
            try (JarProcess server = JarProcess.server(QUICK_START, settings)) {
                if (admin == null) { // sessions live in the database: signed in once, used across restarts
                    admin = signIn(http, server.base(), ADMIN);
                    replier = signIn(http, server.base(), REPLIER);
                }
                // the reset link is asked for first, so its e-mail goes out just before the fan-out's, and the kill
                // comes while the mail consumer may not have recorded that event as handled
                assertThat(http.send(resetRequest(server.base(), resetTo), HttpResponse.BodyHandlers.ofString()).statusCode())
                        .isEqualTo(202);
                AtomicBoolean stop = new AtomicBoolean();
                Members.Session s = replier;
                Set<Long> acked = ConcurrentHashMap.newKeySet();
                Thread writer = new Thread(() -> write(http, server.base(), s, thread, quote + "Ask @" + mentioned, stop,
                        acked, refused), "replier");
                writer.start();
                // part of this thread's e-mails, then the kill (the rest of the last try's may come first)
                Members.Session a = admin;
                mailbox.awaitEmailsAbout(acked, 1 + random.nextInt(WATCHERS / 2), () -> status(http, server, a));
                server.kill();
                stop.set(true);
                writer.join(15_000);
            }
            assertThat(refused).as("replies the live server refused").isEmpty();
            mailbox.settle();
            tries.add(afterKill(file, thread, resetTo));
        }

        long caughtUpAfterMs;
        try (JarProcess server = JarProcess.server(QUICK_START, settings)) {
            long restarted = System.nanoTime();
            try {
                OutboxLag.await(http, server.base(), admin, List.of("alerts", "mail", "notify"), lag -> lag == 0, 120_000);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nserver output:\n" + server.output() + "\nthreads:\n"
                        + server.threadDump(), e);
            }
            caughtUpAfterMs = (System.nanoTime() - restarted) / 1_000_000;
            assertThat(server.stop()).as("exit status after SIGTERM, a clean stop").isIn(0, 143);
        }
        mailbox.settle();

        long replies = assertEveryReplyHasItsAlertsOnce(file, tries, lastGeneratedPost, mentioned);
        int emails = assertEveryEmailArrivedOnce(file, tries, mentioned);
        System.out.printf(java.util.Locale.ROOT, "mail crash test: %d kill(s) during the e-mail fan-out in %d tries (%s);"
                        + " %d replies, %d e-mails, each exactly once but %d in doubt at a kill; caught up %d ms after the"
                        + " last restart; %.1f s (generate %.1f s)%n", kills, tries.size(), tries.stream().map(Try::note).toList(), replies,
                emails, tries.stream().mapToInt(t -> t.inDoubt().size()).sum(), caughtUpAfterMs,
                (System.nanoTime() - started) / 1e9, (generatedAt - started) / 1e9);
    }

    /**
     * The last {@value #WATCHERS} members watch every generated thread with e-mail, and member{@value #MENTIONED} wants
     * mentions by e-mail: set through the storage ports on the stopped server's file. Returns that member's name.
     */
    private static String watchWithEmail(Path data, long firstThread, int threads) {
        try (JdbiForumStorage s = JdbiForumStorage.embeddedH2(data)) {
            List<Member> watchers = new ArrayList<>();
            for (int n = MEMBERS - WATCHERS + 1; n <= MEMBERS; n++) {
                watchers.add(s.members().byEmail("member" + n + "@example.com").orElseThrow());
            }
            Instant now = Instant.now();
            s.transactions().run(() -> {
                for (long t = firstThread; t < firstThread + threads; t++) {
                    for (Member w : watchers) {
                        s.watches().putThread(new ThreadWatch(w.id(), ThreadId.of(t), true, now));
                    }
                }
            });
            Member m = s.members().byEmail("member" + MENTIONED + "@example.com").orElseThrow();
            s.transactions().run(() -> s.alertPreferences().put(Preferences.defaults(m.id()).with(AlertKind.MENTION, Delivery.EMAIL)));
            return m.username();
        }
    }

    /** A quote of the thread's first post, as the reply form writes it (JSON-escaped line breaks). */
    private static String quote(H2File file, long thread) throws Exception {
        List<String> q = new ArrayList<>();
        file.query("SELECT p.id, m.username FROM posts p JOIN members m ON m.id = p.author_id WHERE p.thread_id = " + thread
                + " AND p.number = 1", rs -> q.add("[quote=" + rs.getString(2) + " post=" + rs.getLong(1) + "]earlier[/quote]\\n\\n"));
        assertThat(q).hasSize(1);
        return q.get(0);
    }

    /**
     * What the file says right after a kill: did it cut the thread's e-mails short, and which e-mails did the SMTP
     * server take that the forum had not recorded as sent (a notification without its notice row; a reset e-mail
     * whose event the mail consumer had not passed)?
     */
    private Try afterKill(H2File file, long thread, String resetTo) throws Exception {
        Map<String, List<String>> received = mailbox.received(file);
        Set<String> notified = new HashSet<>(file.strings("SELECT m.email FROM email_notices n JOIN members m ON m.id = n.member_id"
                + " WHERE n.thread_id = " + thread));
        Set<String> sent = new HashSet<>();
        received.forEach((key, ids) -> {
            if (key.endsWith(" " + thread)) {
                sent.add(key.substring(0, key.indexOf(' ')));
            }
        });
        Set<String> inDoubt = new HashSet<>();
        sent.stream().filter(to -> !notified.contains(to)).forEach(to -> inDoubt.add(to + " " + thread));
        long mailAt = file.number("SELECT position FROM outbox_consumers WHERE name = 'mail'");
        List<Long> resetAt = file.numbers("SELECT r.request_position FROM password_resets r JOIN members m ON m.id = r.member_id"
                + " WHERE m.email = '" + resetTo + "'");
        if (received.containsKey(resetTo + " reset") && resetAt.stream().allMatch(p -> p > mailAt)) {
            inDoubt.add(resetTo + " reset");
        }
        assertThat(inDoubt).as("e-mails in doubt at one kill (one mail consumer sends one e-mail at a time)").hasSizeLessThanOrEqualTo(1);
        boolean cut = sent.size() < WATCHERS; // every watcher gets one (and the mentioned member, unless quoted too)
        return new Try(thread, resetTo, cut, inDoubt, "thread " + thread + ": " + sent.size() + " e-mails at the kill"
                + (cut ? "" : " (fan-out already done)") + (inDoubt.isEmpty() ? "" : ", in doubt " + inDoubt));
    }

    /**
     * Every reply to a tried thread alerted the quoted and the mentioned member once, of one kind; each watcher got one
     * reply alert about the thread (news of a thread is coalesced while it is unread, docs/alerts.md), about one of its
     * replies, and nobody else got any.
     */
    private static long assertEveryReplyHasItsAlertsOnce(H2File file, List<Try> tries, long lastGeneratedPost,
                                                        String mentioned) throws Exception {
        long replierId = file.number("SELECT id FROM members WHERE email = 'member" + REPLIER + "@example.com'");
        long mentionedId = file.number("SELECT id FROM members WHERE username = '" + mentioned + "'");
        Map<Long, Map<Long, List<String>>> byPost = new TreeMap<>();
        file.query("SELECT post_id, recipient_id, kind FROM alerts WHERE post_id > " + lastGeneratedPost, rs ->
                byPost.computeIfAbsent(rs.getLong(1), p -> new HashMap<>()).computeIfAbsent(rs.getLong(2), r -> new ArrayList<>())
                        .add(rs.getString(3)));
        long replies = 0;
        for (Try t : tries) {
            long quoted = file.number("SELECT author_id FROM posts WHERE number = 1 AND thread_id = " + t.thread());
            Map<Long, String> perPost = new HashMap<>();
            perPost.put(mentionedId, "MENTION");
            perPost.put(quoted, "QUOTE");
            perPost.remove(replierId); // never an alert for your own action
            java.util.Set<Long> watchers = new java.util.TreeSet<>(file.numbers(
                    "SELECT member_id FROM thread_watches WHERE thread_id = " + t.thread()));
            watchers.removeAll(perPost.keySet());
            watchers.remove(replierId); // the replier watches the thread now too
            List<Long> posts = file.numbers("SELECT id FROM posts WHERE thread_id = " + t.thread() + " AND id > " + lastGeneratedPost);
            assertThat(posts).as("replies to thread %d", t.thread()).isNotEmpty();
            Map<Long, Integer> replyAlerts = new HashMap<>();
            for (long post : posts) {
                Map<Long, List<String>> got = byPost.getOrDefault(post, Map.of());
                perPost.forEach((member, kind) -> assertThat(got.get(member)).as("alerts of member %d about post %d", member, post)
                        .containsExactly(kind));
                got.forEach((member, kinds) -> {
                    if (!perPost.containsKey(member)) {
                        assertThat(watchers).as("a member alerted about post %d", post).contains(member);
                        assertThat(kinds).as("alerts of watcher %d about post %d", member, post).containsExactly("REPLY");
                        replyAlerts.merge(member, 1, Integer::sum);
                    }
                });
            }
            assertThat(replyAlerts.keySet()).as("watchers alerted about thread %d", t.thread()).isEqualTo(watchers);
            assertThat(replyAlerts.values()).as("reply alerts per watcher of thread %d (one while unread)", t.thread())
                    .containsOnly(1);
            replies += posts.size();
        }
        return replies;
    }

    /**
     * Every e-mail the tries called for arrived once, nothing else arrived; an e-mail in doubt at a kill arrived
     * twice as the same message (Message-ID). Returns how many e-mails arrived.
     */
    private int assertEveryEmailArrivedOnce(H2File file, List<Try> tries, String mentioned) throws Exception {
        String mentionedEmail = "member" + MENTIONED + "@example.com";
        String replierEmail = "member" + REPLIER + "@example.com";
        Map<String, Integer> expected = new HashMap<>();
        for (Try t : tries) {
            String quoted = file.strings("SELECT m.email FROM posts p JOIN members m ON m.id = p.author_id WHERE p.number = 1"
                    + " AND p.thread_id = " + t.thread()).get(0);
            for (int n = MEMBERS - WATCHERS + 1; n <= MEMBERS; n++) {
                expected.put("member" + n + "@example.com " + t.thread(), 1);
            }
            if (!quoted.equals(mentionedEmail)) { // quoted and mentioned: a QUOTE alert, which they want on the site only
                expected.put(mentionedEmail + " " + t.thread(), 1);
            }
            expected.remove(replierEmail + " " + t.thread()); // their own reply
            expected.put(t.resetTo() + " reset", 1);
            t.inDoubt().forEach(key -> expected.put(key, 2));
        }
        Map<String, List<String>> received = mailbox.received(file);
        Map<String, Integer> counts = new TreeMap<>();
        received.forEach((key, ids) -> {
            counts.put(key, ids.size());
            assertThat(new HashSet<>(ids)).as("Message-IDs of the e-mails %s", key).hasSize(1);
        });
        assertThat(counts).as("e-mails per recipient and thread (or reset)").isEqualTo(new TreeMap<>(expected));
        return received.values().stream().mapToInt(List::size).sum();
    }

    /** Signs in, trying again when hashing the password took longer than a request may on a busy machine. */
    private static Members.Session signIn(HttpClient http, String base, int member) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return Members.signIn(http, base, member);
            } catch (java.net.http.HttpTimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static HttpRequest resetRequest(String base, String email) {
        // patient: a request that timed out may still have been taken, and asking again would send two e-mails
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/password-resets")).timeout(java.time.Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}")).build();
    }

    /** The admin's outbox JSON, the end of the server's output and its threads: for a test that found it stuck. */
    private static String status(HttpClient http, JarProcess server, Members.Session admin) {
        String outbox;
        try {
            outbox = http.send(Members.get(server.base() + "/api/v1/admin/outbox").header("Cookie", admin.cookie()).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            outbox = e.toString();
        }
        String out = server.output();
        return "outbox: " + outbox + "\nserver output (end):\n" + out.substring(Math.max(0, out.length() - 6_000))
                + "\nthreads:\n" + server.threadDump();
    }

    private static void write(HttpClient http, String base, Members.Session s, long thread, String text, AtomicBoolean stop,
                              Set<Long> acked, ConcurrentLinkedQueue<String> refused) {
        // a reply every 50 ms, at most REPLIES a try: each alerts every watcher, and the outbox's one thread (which
        // sends the e-mails one by one) falls behind without a backlog that would outlast the try
        for (int i = 0; i < REPLIES && !stop.get(); i++) {
            try {
                HttpResponse<String> r = http.send(Members.reply(base, s, thread, text + " (reply " + i + ")"),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201) {
                    refused.add(r.statusCode() + " " + r.body());
                    return;
                }
                acked.add(Members.postId(r.body()));
                Thread.sleep(50);
            } catch (Exception e) {
                return; // the server died under us
            }
        }
    }
}
