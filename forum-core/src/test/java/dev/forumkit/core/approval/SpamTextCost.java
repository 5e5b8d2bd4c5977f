package dev.forumkit.core.approval;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the standard spam check's text comparison costs per reply (task replyh2c): a new body against the author's 20
 * recent bodies (bench/reply.lua's, each with its own counter, so none equal), normalising each body with the regular
 * expression (before) or comparing as {@link StandardSpamChecks#sameText} (now); the calling thread's CPU time per
 * check, rounds interleaved, order swapped every round. A driver, not a test: run its main with the test class path.
 * Arguments: rounds (12), checks per round (20000).
 */
public final class SpamTextCost {
    private SpamTextCost() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int per = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        List<String> recent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            recent.add("Benchmark reply " + (100_000 + i * 16) + ": agreed, @bench0, the **new** tyres roll better.");
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[][] us = new double[2][rounds];
        long sink = 0;
        for (int r = -3; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int v = (r & 1) == 0 ? k : 1 - k;
                long t0 = cpu.getCurrentThreadCpuTime();
                for (int n = 0; n < per; n++) {
                    String text = StandardSpamChecks.normalised("Benchmark reply " + (200_000 + n)
                            + ": agreed, @bench0, the **new** tyres roll better.");
                    for (String b : recent) {
                        sink += (v == 0 ? StandardSpamChecks.normalised(b).equals(text) : StandardSpamChecks.sameText(b, text)) ? 1 : 0;
                    }
                }
                if (r >= 0) {
                    us[v][r] = (cpu.getCurrentThreadCpuTime() - t0) / 1e3 / per;
                }
            }
            if (r >= 0) {
                System.out.printf("round %d: regex %.2f, sameText %.2f µs per check (20 bodies + the new one)%n", r, us[0][r], us[1][r]);
            }
        }
        System.out.printf("median: regex %.2f, sameText %.2f µs per check; load %.2f (%d)%n", median(us[0]), median(us[1]),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), sink);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
