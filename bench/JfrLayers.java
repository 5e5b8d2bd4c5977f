import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a request thread's CPU goes in a JFR recording of bench/PageCost.java with {@code -Dpc.cpu=true} (execution
 * samples every millisecond): the samples of the Jetty request threads only, split by layer (storage: H2 / HikariCP /
 * Jdbi / our adapter; rendering: JTE and our helpers by kind; JSON; session; our filters; Jetty/Javalin), then the top
 * frames (self), methods anywhere on the stack (inclusive), forumkit methods inclusive, and the innermost forumkit
 * frame. Reads the recording with the JDK's consumer API (no JSON dump: a 1 ms recording of 20,000 pages is large).
 * <pre>
 *   java bench/JfrLayers.java FILE.jfr [N]
 * </pre>
 * Run the JVM with -XX:FlightRecorderOptions:stackdepth=256, or deep stacks lose their outer frames (JFR keeps 64).
 */
public final class JfrLayers {
    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Map<String, Integer> layers = new TreeMap<>();
        Map<String, Integer> self = new TreeMap<>();
        Map<String, Integer> incl = new TreeMap<>();
        Map<String, Integer> ours = new TreeMap<>();
        Map<String, Integer> oursInnermost = new TreeMap<>();
        Map<String, Integer> storageBy = new TreeMap<>();
        Map<String, Integer> chains = new TreeMap<>();
        int n = 0;
        int truncated = 0;
        int other = 0;
        // FILE.jfr.window (bench/PageCost.java): the milliseconds the kind ran; a dump holds events from before it too
        Path window = Path.of(args[0] + ".window");
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        if (java.nio.file.Files.exists(window)) {
            String[] w = java.nio.file.Files.readString(window).trim().split(" ");
            from = Long.parseLong(w[0]);
            to = Long.parseLong(w[1]);
        }
        int outside = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            long at = e.getStartTime().toEpochMilli();
            if (at < from || at > to) {
                outside++;
                continue;
            }
            var thread = e.getThread("sampledThread");
            if (thread == null || thread.getJavaName() == null || !thread.getJavaName().startsWith("JettyServerThreadPool")) {
                other++;
                continue;
            }
            n++;
            if (e.getStackTrace().isTruncated()) {
                truncated++;
            }
            List<String> names = new ArrayList<>();
            for (RecordedFrame f : e.getStackTrace().getFrames()) {
                names.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
            }
            if (names.isEmpty()) {
                continue;
            }
            self.merge(names.get(0), 1, Integer::sum);
            // the top frame with its callers up to the first forumkit frame (at most 8): who asked for the work
            StringBuilder chain = new StringBuilder();
            for (int i = 0; i < Math.min(8, names.size()); i++) {
                String s = names.get(i);
                chain.append(i == 0 ? "" : " <- ").append(s.substring(s.lastIndexOf('.', s.lastIndexOf('.') - 1) + 1));
                if (i > 0 && s.startsWith("dev.forumkit.")) {
                    break;
                }
            }
            chains.merge(chain.toString(), 1, Integer::sum);
            for (String s : new HashSet<>(names)) {
                incl.merge(s, 1, Integer::sum);
                if (s.startsWith("dev.forumkit.")) {
                    ours.merge(s, 1, Integer::sum);
                }
            }
            String innermost = names.stream().filter(s -> s.startsWith("dev.forumkit.")).findFirst().orElse("(none)");
            oursInnermost.merge(innermost, 1, Integer::sum);
            String layer = layer(names);
            layers.merge(layer, 1, Integer::sum);
            if (layer.startsWith("storage")) {
                // which of our calls asked for it: the innermost frame of core or the web module (not the adapter)
                String by = names.stream().filter(s -> s.startsWith("dev.forumkit.") && !s.startsWith("dev.forumkit.persistence."))
                        .findFirst().orElse("(none)");
                storageBy.merge(by, 1, Integer::sum);
            }
        }
        System.out.printf("%s: %d request-thread samples (%d truncated stacks), %d samples of other threads, %d outside the"
                + " kind's window%n", args[0], n, truncated, other, outside);
        print("by layer", layers, n, 100);
        print("self (top frame)", self, n, top);
        print("inclusive (anywhere on the stack)", incl, n, top);
        print("forumkit methods, inclusive", ours, n, top * 2);
        print("innermost forumkit frame", oursInnermost, n, top);
        print("top frame with its callers up to the first forumkit frame", chains, n, top);
        print("storage, by the forumkit call that asked (innermost core/web frame)", storageBy, n, top);
    }

    /** The layer of one sample: the first rule that matches any frame, rules in this order. */
    static String layer(List<String> names) {
        if (any(names, "org.h2.")) {
            return "storage: H2";
        }
        if (any(names, "com.zaxxer.hikari.")) {
            return "storage: HikariCP";
        }
        if (any(names, "org.jdbi.")) {
            return "storage: Jdbi";
        }
        if (any(names, "dev.forumkit.persistence.")) {
            return "storage: our adapter (outside Jdbi)";
        }
        if (any(names, "gg.jte.")) {
            return "render: " + render(names);
        }
        if (any(names, "com.fasterxml.jackson.")) {
            return "JSON (Jackson)";
        }
        if (any(names, "dev.forumkit.core.session.") || any(names, "dev.forumkit.web.internal.WebSessions")) {
            return "session";
        }
        if (any(names, "dev.forumkit.core.")) {
            return "core (services, rules)";
        }
        if (any(names, "dev.forumkit.web.")) {
            // what of ours runs outside rendering and storage: the pipeline's filters, headers, the page's bytes
            String inner = names.stream().filter(s -> s.startsWith("dev.forumkit.")).findFirst().orElse("?");
            return "web (ours, outside render/storage): " + inner.substring(inner.lastIndexOf('.', inner.lastIndexOf('.') - 1) + 1);
        }
        if (any(names, "dev.forumkit.")) {
            return "other forumkit";
        }
        if (any(names, "io.javalin.")) {
            return "Javalin (outside ours)";
        }
        if (any(names, "org.eclipse.jetty.")) {
            return "Jetty (outside Javalin)";
        }
        return "other";
    }

    static final Map<String, String> RENDER = new LinkedHashMap<>();

    static {
        RENDER.put("java.time.", "dates");
        RENDER.put("dev.forumkit.core.internal.IsoInstant", "dates");
        RENDER.put("Chrome.date#", "dates");
        RENDER.put("Chrome.iso#", "dates");
        RENDER.put("Chrome.ago#", "dates");
        RENDER.put("Texts.format", "dates");
        RENDER.put("DateStyle", "dates");
        RENDER.put("html.Avatars", "avatars");
        RENDER.put("Chrome.avatar#", "avatars");
        RENDER.put("Slugs", "slugs");
        RENDER.put("html.Links", "links");
        RENDER.put("Bodies", "description (Bodies)");
        RENDER.put("AttachmentEmbeds", "attachment embeds");
        RENDER.put("Chrome.num#", "numbers");
        RENDER.put("java.text.", "numbers/text");
        RENDER.put("Chrome.t#", "texts (bundles)");
        RENDER.put("Chrome.plural#", "texts (bundles)");
        RENDER.put("Texts.", "texts (bundles)");
        RENDER.put("html.PageBytes", "page bytes");
        RENDER.put("gg.jte.html.escape", "escaping");
        RENDER.put("HtmlTemplateOutput", "escaping");
    }

    static String render(List<String> names) {
        // the innermost frame that names a kind of work; template code itself otherwise
        for (String s : names) {
            for (var r : RENDER.entrySet()) {
                String k = r.getKey();
                if (k.endsWith("#") ? s.endsWith(k.substring(0, k.length() - 1)) : s.contains(k)) {
                    return r.getValue();
                }
            }
            if (s.startsWith("dev.forumkit.web.internal.html.jte.") || s.startsWith("gg.jte.generated")) {
                return "templates (own code)";
            }
        }
        return "JTE engine";
    }

    static boolean any(List<String> names, String prefix) {
        for (String s : names) {
            if (s.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    static void print(String title, Map<String, Integer> counts, int n, int top) {
        System.out.printf("%n%s:%n", title);
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(top)
                .forEach(en -> System.out.printf("  %5.1f%%  %s%n", 100.0 * en.getValue() / n, en.getKey()));
    }
}
