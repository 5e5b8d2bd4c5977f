package dev.forumkit.web.internal.html;

import dev.forumkit.core.reaction.ReactionType;
import dev.forumkit.core.reaction.ReactionTypes;
import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Before/after of a post's reaction bar (task signedplain), in one JVM, this thread's CPU time and allocation
 * (ThreadMXBean), the two taking turns in every round: "before" is the write sequence tag/post.jte's generated code made
 * before the task (copied from JtepostGenerated: the static parts as the same bytes, setContext and writeUserContent
 * per value), "after" is ReactionBar's. Both write into the jar's PageBytes through jte's OwaspHtmlTemplateOutput, as a
 * page does; the bytes are compared first. A page: 20 posts, the default six types, counts as on the 1M-post set's
 * pages (most posts none), the viewer's own reaction on some posts (signed in: with the buttons).
 * <pre>
 *   javac -cp forum-app/target/forumkit.jar -d bench/out/rb bench/ReactionBarCost.java
 *   java -cp forum-app/target/forumkit.jar:bench/out/rb dev.forumkit.web.internal.html.ReactionBarCost 20000 7
 * </pre>
 */
public final class ReactionBarCost {
    private static final byte[] P113 = b("\n          "), P114 = b("\n          <li"), P115 = b(" data-type=\""), P116 = b("\""),
            P117 = b(" hidden"), P118 = b("><span class=\"reaction-label\">"), P119 = b("</span> <span class=\"count\">"),
            P120 = b("</span></li>\n          "), P132 = b("\n          "),
            P133 = b("\n          <button type=\"submit\" class=\"react-button\" name=\"type\""), P134 = b(" value=\""),
            P135 = b("\""), P136 = b(" data-type=\""), P137 = b("\""), P138 = b(" aria-pressed=\""), P139 = b("\""),
            P140 = b(">"), P141 = b("</button>\n          ");

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    record Post(Map<String, Integer> counts, String mine) {
    }

    static void before(TemplateOutput jteOutput, List<ReactionType> types, Post v, boolean signedIn) {
        for (var type : types) {
            jteOutput.writeBinaryContent(P113);
            var n = v.counts().getOrDefault(type.key(), 0);
            jteOutput.writeBinaryContent(P114);
            var a18 = type.key();
            if (gg.jte.runtime.TemplateUtils.isAttributeRendered(a18)) {
                jteOutput.writeBinaryContent(P115);
                ((OwaspHtmlTemplateOutput) jteOutput).setContext("li", "data-type");
                ((OwaspHtmlTemplateOutput) jteOutput).writeUserContent(a18);
                ((OwaspHtmlTemplateOutput) jteOutput).setContext("li", null);
                jteOutput.writeBinaryContent(P116);
            }
            if (n == 0) {
                jteOutput.writeBinaryContent(P117);
            }
            jteOutput.writeBinaryContent(P118);
            ((OwaspHtmlTemplateOutput) jteOutput).setContext("span", null);
            ((OwaspHtmlTemplateOutput) jteOutput).writeUserContent(type.label());
            jteOutput.writeBinaryContent(P119);
            ((OwaspHtmlTemplateOutput) jteOutput).setContext("span", null);
            ((OwaspHtmlTemplateOutput) jteOutput).writeUserContent(n);
            jteOutput.writeBinaryContent(P120);
        }
        if (!signedIn) {
            return;
        }
        for (var type : types) {
            jteOutput.writeBinaryContent(P132);
            var mine = type.key().equals(v.mine());
            jteOutput.writeBinaryContent(P133);
            var a23 = mine ? "remove" : type.key();
            OwaspHtmlTemplateOutput o = (OwaspHtmlTemplateOutput) jteOutput;
            if (gg.jte.runtime.TemplateUtils.isAttributeRendered(a23)) {
                o.writeBinaryContent(P134);
                o.setContext("button", "value");
                o.writeUserContent(a23);
                o.setContext("button", null);
                o.writeBinaryContent(P135);
            }
            var a24 = type.key();
            if (gg.jte.runtime.TemplateUtils.isAttributeRendered(a24)) {
                o.writeBinaryContent(P136);
                o.setContext("button", "data-type");
                o.writeUserContent(a24);
                o.setContext("button", null);
                o.writeBinaryContent(P137);
            }
            var a25 = mine ? "true" : "false";
            if (gg.jte.runtime.TemplateUtils.isAttributeRendered(a25)) {
                o.writeBinaryContent(P138);
                o.setContext("button", "aria-pressed");
                o.writeUserContent(a25);
                o.setContext("button", null);
                o.writeBinaryContent(P139);
            }
            o.writeBinaryContent(P140);
            o.setContext("button", null);
            o.writeUserContent(type.label());
            o.writeBinaryContent(P141);
        }
    }

    static void after(OwaspHtmlTemplateOutput o, List<ReactionType> types, Post v, boolean signedIn) {
        o.setContext("ul", null);
        o.writeUserContent(ReactionBar.counts(types, v.counts()));
        if (signedIn) {
            o.setContext("form", null);
            o.writeUserContent(ReactionBar.buttons(types, v.mine()));
        }
    }

    public static void main(String[] args) {
        int pages = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<ReactionType> types = ReactionTypes.defaults().all();
        Random random = new Random(1);
        List<List<Post>> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<Post> page = new ArrayList<>();
            for (int k = 0; k < 20; k++) {
                Map<String, Integer> counts = new HashMap<>();
                double r = random.nextDouble();
                if (r > 0.6) {
                    counts.put("like", 1 + random.nextInt(12));
                }
                if (r > 0.85) {
                    counts.put(types.get(1 + random.nextInt(5)).key(), 1 + random.nextInt(3));
                }
                page.add(new Post(counts, random.nextInt(10) == 0 ? "like" : null));
            }
            all.add(page);
        }
        for (boolean signedIn : new boolean[]{false, true}) {
            for (List<Post> page : all) {
                if (!Arrays.equals(render(page, types, signedIn, false), render(page, types, signedIn, true))) {
                    throw new AssertionError("bytes differ, signed in " + signedIn);
                }
            }
        }
        System.out.println("bytes identical: 200 pages x 20 posts, guest and signed in");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        String[] names = {"guest before", "guest after", "signed-in before", "signed-in after"};
        double[][] cpu = new double[4][rounds];
        double[][] alloc = new double[4][rounds];
        for (int r = -1; r < rounds; r++) {
            for (int k = 0; k < 4; k++) {
                int v = (k + Math.max(r, 0)) % 4;
                boolean signedIn = v >= 2;
                boolean after = v % 2 == 1;
                long c0 = threads.getCurrentThreadCpuTime();
                long a0 = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < pages; i++) {
                    render(all.get(i % all.size()), types, signedIn, after);
                }
                if (r >= 0) {
                    cpu[v][r] = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / pages;
                    alloc[v][r] = (threads.getCurrentThreadAllocatedBytes() - a0) / 1024.0 / pages;
                }
            }
        }
        for (int v = 0; v < 4; v++) {
            double[] c = cpu[v].clone();
            double[] a = alloc[v].clone();
            Arrays.sort(c);
            Arrays.sort(a);
            System.out.printf("%-18s per page (20 posts): CPU median %6.2f us (%6.2f-%6.2f), allocated %5.2f KB%n", names[v],
                    c[c.length / 2], c[0], c[c.length - 1], a[a.length / 2]);
        }
    }

    private static byte[] render(List<Post> page, List<ReactionType> types, boolean signedIn, boolean after) {
        PageBytes bytes = new PageBytes();
        OwaspHtmlTemplateOutput o = new OwaspHtmlTemplateOutput(bytes);
        for (Post p : page) {
            if (after) {
                after(o, types, p, signedIn);
            } else {
                before(o, types, p, signedIn);
            }
        }
        return bytes.toByteArray();
    }
}
