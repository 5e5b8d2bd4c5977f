package dev.forumkit.web.internal.html;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Before/after of the thread page's render parts changed by task pagecpu, in one JVM, this thread's CPU time
 * (ThreadMXBean), old and new taking turns in every round: a page's description (Bodies.plainText + View.description
 * as of 5091894 against the jar's) over the posts of dumped JSON pages, and its dates (a formatter per key and zone as
 * of 5091894 against Texts.format). In the html package to reach the package-private classes; compile against a jar:
 * <pre>
 *   javac -cp forum-app/target/forumkit.jar -d bench/out/rp bench/RenderPartsCost.java
 *   java -cp forum-app/target/forumkit.jar:bench/out/rp dev.forumkit.web.internal.html.RenderPartsCost bench/out/pages-base 200000 5
 * </pre>
 */
public final class RenderPartsCost {
    private static final Pattern BLOCKQUOTE = Pattern.compile("(?is)<blockquote\\b.*?</blockquote>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TIME_OF_DAY = Pattern.compile(",? \\d{1,2}:\\d{2}( [AP]M)?$");

    static String oldPlainText(String html) {
        String text = TAG.matcher(BLOCKQUOTE.matcher(html).replaceAll(" ")).replaceAll(" ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#34;", "\"")
                .replace("&#39;", "'").replace("&#64;", "@").replace("&nbsp;", " ").replace("&amp;", "&");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    static String oldDescription(String text) {
        String s = SPACES.matcher(text.strip()).replaceAll(" ");
        if (s.length() <= 160) {
            return s;
        }
        int cut = s.lastIndexOf(' ', 159);
        return s.substring(0, cut > 80 ? cut : 159).stripTrailing() + "\u2026";
    }

    public static void main(String[] args) throws Exception {
        int iterations = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        List<String> bodies = new ArrayList<>();
        try (var files = Files.list(Path.of(args[0]))) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                if (p.getFileName().toString().startsWith("guest_json")) {
                    var node = dev.forumkit.web.internal.Json.MAPPER.readTree(Files.readString(p));
                    node.findValues("body_html").forEach(v -> bodies.add(v.asText()));
                }
            }
        }
        System.out.printf("%d bodies, %d chars on average%n", bodies.size(), bodies.stream().mapToInt(String::length).sum() / bodies.size());
        for (String b : bodies) {
            String expected = oldDescription(oldPlainText(b));
            String actual = View.of("thread", "t").description(Bodies.plainText(b)).description();
            if (!expected.equals(actual)) {
                throw new AssertionError(b);
            }
        }
        Texts texts = Texts.english();
        DateTimeFormatter dateTime = DateTimeFormatter.ofPattern(texts.t("format.dateTime"), texts.locale()).withZone(ZoneOffset.UTC);
        DateTimeFormatter date = DateTimeFormatter.ofPattern(texts.t("format.date"), texts.locale()).withZone(ZoneOffset.UTC);
        Instant[] instants = new Instant[1024];
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < instants.length; i++) {
            instants[i] = Instant.ofEpochSecond(1_500_000_000L + random.nextInt(300_000_000));
        }
        var profile = dev.forumkit.core.profile.Profile.empty(dev.forumkit.core.member.MemberId.of(1));
        Chrome member = new Chrome("", "/api/v1", null, dev.forumkit.core.policy.Standing.MEMBER, null, Instant.EPOCH, "t",
                List.of(), false, "/");
        member.display(profile);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = 0; round <= rounds; round++) { // round 0 warms up
            long[] t = new long[6];
            for (int v = 0; v < 6; v++) {
                int variant = (v + round) % 6; // a different one first every round
                long t0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < iterations; i++) {
                    switch (variant) {
                        case 0 -> sink += oldDescription(oldPlainText(bodies.get(i % bodies.size()))).length();
                        case 1 -> sink += View.of("thread", "t").description(Bodies.plainText(bodies.get(i % bodies.size()))).description().length();
                        case 2 -> {
                            Instant at = instants[i & 1023];
                            sink += dateTime.format(at).length() + date.format(at).length();
                        }
                        case 3 -> {
                            Instant at = instants[i & 1023];
                            sink += texts.format("format.dateTime", at, ZoneOffset.UTC).length()
                                    + texts.format("format.date", at, ZoneOffset.UTC).length();
                        }
                        case 4 -> { // a signed-in member's own style (ISO, no zone), as Chrome printed it before
                            Instant at = instants[i & 1023];
                            sink += profile.formatDate(at).length() + TIME_OF_DAY.matcher(profile.formatDate(at)).replaceFirst("").length();
                        }
                        default -> {
                            Instant at = instants[i & 1023];
                            sink += member.dateTime(at).length() + member.date(at).length();
                        }
                    }
                }
                t[variant] = threads.getCurrentThreadCpuTime() - t0;
            }
            System.out.printf("round %d: description old %.2f us new %.2f us | date + dateTime old %.3f us new %.3f us"
                    + " | member's style old %.3f us new %.3f us | load %s%n",
                    round, t[0] / 1e3 / iterations, t[1] / 1e3 / iterations, t[2] / 1e3 / iterations, t[3] / 1e3 / iterations,
                    t[4] / 1e3 / iterations, t[5] / 1e3 / iterations,
                    Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
        }
        System.out.println(sink == 42 ? "" : "done");
    }
}
