package dev.forumkit.app;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar with rate and time left, redrawn at most five times a second; silent when the output is not
 * a terminal (a log file or a pipe gets only the summary the caller prints).
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    private final long total;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private long lastDraw;

    ProgressBar(PrintStream out, String label, long total, boolean enabled) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
        this.enabled = enabled;
    }

    /** On a terminal: {@code System.console()} is null when stdin or stdout is redirected. */
    static boolean onTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    void update(long done) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L && done < total) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = done / seconds;
        double fraction = Math.min(1.0, (double) done / total);
        int filled = (int) (fraction * WIDTH);
        long left = rate > 0 ? (long) ((total - done) / rate) : 0;
        out.print(String.format(Locale.ROOT, "\r%s [%s%s] %5.1f%% %,d/%,d %,.0f/s ETA %d:%02d  ", label,
                "=".repeat(filled), " ".repeat(WIDTH - filled), fraction * 100, done, total, rate, left / 60, left % 60));
        out.flush();
    }

    void done() {
        if (enabled) {
            update(total);
            out.println();
        }
    }
}
