import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Execution samples of a JFR recording split by thread group (task replyh2c): the threads whose name starts with each
 * given prefix (e.g. {@code forumkit-writer-} and {@code forumkit-outbox}; the rest as "other"), and per group the
 * share of samples by the innermost forumkit frame, forumkit methods anywhere on the stack (inclusive) and top frames.
 * <pre>
 *   java bench/JfrThreads.java FILE.jfr N PREFIX...
 * </pre>
 */
public final class JfrThreads {
    public static void main(String[] args) throws Exception {
        int top = Integer.parseInt(args[1]);
        List<String> prefixes = List.of(args).subList(2, args.length);
        Map<String, Map<String, Map<String, Integer>>> by = new TreeMap<>();
        Map<String, Integer> totals = new TreeMap<>();
        int all = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            all++;
            String name = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
            String group = prefixes.stream().filter(p -> name != null && name.startsWith(p)).findFirst()
                    .orElse("other (" + (name == null ? "?" : name.replaceAll("[0-9]+", "N")) + ")");
            totals.merge(group, 1, Integer::sum);
            Map<String, Map<String, Integer>> g = by.computeIfAbsent(group, k -> new TreeMap<>());
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            Set<String> seen = new HashSet<>();
            boolean first = true;
            for (int i = 0; i < frames.size(); i++) {
                RecordedFrame f = frames.get(i);
                String m = f.getMethod().getType().getName() + "." + f.getMethod().getName();
                if (i == 0) {
                    g.computeIfAbsent("self", k -> new TreeMap<>()).merge(m, 1, Integer::sum);
                }
                if (m.startsWith("dev.forumkit.")) {
                    if (first) {
                        g.computeIfAbsent("innermost forumkit", k -> new TreeMap<>()).merge(m, 1, Integer::sum);
                        first = false;
                    }
                    if (seen.add(m)) {
                        g.computeIfAbsent("forumkit inclusive", k -> new TreeMap<>()).merge(m, 1, Integer::sum);
                    }
                }
            }
            if (first) {
                g.computeIfAbsent("innermost forumkit", k -> new TreeMap<>()).merge("(none)", 1, Integer::sum);
            }
        }
        System.out.printf("%s: %d execution samples%n", args[0], all);
        for (var t : totals.entrySet()) {
            System.out.printf("  %6.1f%%  %d  %s%n", 100.0 * t.getValue() / all, t.getValue(), t.getKey());
        }
        for (var g : by.entrySet()) {
            int n = totals.get(g.getKey());
            if (n < all / 50) {
                continue;
            }
            System.out.printf("%n=== %s (%d samples)%n", g.getKey(), n);
            for (String kind : List.of("innermost forumkit", "forumkit inclusive", "self")) {
                System.out.println(" " + kind + ":");
                g.getValue().getOrDefault(kind, Map.of()).entrySet().stream()
                        .sorted((a, b) -> b.getValue() - a.getValue()).limit(top)
                        .forEach(x -> System.out.printf("   %5.1f%%  %s%n", 100.0 * x.getValue() / n, x.getKey()));
            }
        }
    }
}
