package dev.forumkit.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar ({@code target/forumkit.jar}) as a child process at {@code -Xmx256m} on 127.0.0.1, for the torture
 * tests: a server ({@link #server}) or a command ({@link #command}, {@link #run}), with settings as environment
 * variables and none inherited from the environment of the build.
 */
final class JarProcess implements AutoCloseable {
    /**
     * For tests that start the jar many times: C1 only and the serial collector, since these JVMs live a second or two
     * and starting them is most of such a test's time.
     */
    static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final Pattern LISTENING = Pattern.compile("forumkit listening on port (\\d+)");
    final Process process;
    private final StringBuffer output = new StringBuffer();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final Thread reader;

    /** How a command ended: its exit status and what it printed. */
    record Ended(int status, String output) {
    }

    private JarProcess(List<String> jvmOptions, Map<String, String> settings, List<String> args) throws IOException {
        Path jar = Path.of("target", "forumkit.jar").toAbsolutePath();
        assertThat(jar).as("run mvn package first").exists();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError"));
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("FORUMKIT_"));
        pb.environment().put("FORUMKIT_HOST", "127.0.0.1");
        pb.environment().put("FORUMKIT_PORT", "0");
        pb.environment().putAll(settings);
        process = pb.start();
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (!line.contains("forumkit.access") && output.length() < 1_000_000) {
                        output.append(line).append('\n');
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            port.completeExceptionally(new IllegalStateException("the server ended without listening:\n" + output));
        }, "jar-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the server and waits until it listens. */
    static JarProcess server(Map<String, String> settings) throws Exception {
        return server(List.of(), settings);
    }

    /** The same with more JVM options, such as {@link #QUICK_START}. */
    static JarProcess server(List<String> jvmOptions, Map<String, String> settings) throws Exception {
        JarProcess p = new JarProcess(jvmOptions, settings, List.of());
        try {
            p.port.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.close();
            throw e;
        }
        return p;
    }

    /** Runs a command ({@code generate ...}, {@code recount}) to its end; returns what it printed, asserts exit 0. */
    static String command(Map<String, String> settings, String... args) throws Exception {
        return command(List.of(), settings, args);
    }

    /** The same with more JVM options, such as {@link #QUICK_START}. */
    static String command(List<String> jvmOptions, Map<String, String> settings, String... args) throws Exception {
        Ended ended = run(jvmOptions, settings, args);
        assertThat(ended.status()).as("%s:\n%s", List.of(args), ended.output()).isZero();
        return ended.output();
    }

    /** Runs a command to its end whatever its exit status ({@code recount} exits 3 when it finds a difference). */
    static Ended run(List<String> jvmOptions, Map<String, String> settings, String... args) throws Exception {
        try (JarProcess p = new JarProcess(jvmOptions, settings, List.of(args))) {
            assertThat(p.process.waitFor(300, TimeUnit.SECONDS)).as("%s finished", List.of(args)).isTrue();
            p.reader.join(10_000);
            return new Ended(p.process.exitValue(), p.output.toString());
        }
    }

    String base() {
        return "http://127.0.0.1:" + port.join();
    }

    /** Everything printed so far, without the access log lines. */
    String output() {
        return output.toString();
    }

    /** The peak resident set size of the process in MiB (Linux), or -1. */
    long peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or gone
        }
        return -1;
    }

    /** The process's threads as {@code jcmd Thread.print} shows them, for a test that found the server stuck. */
    String threadDump() {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return dump;
        } catch (IOException | InterruptedException e) {
            return "no thread dump: " + e;
        }
    }

    /** SIGTERM and wait for the graceful stop; returns the exit status. */
    int stop() throws InterruptedException {
        process.toHandle().destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM:\n" + output).isTrue();
        reader.join(10_000);
        return process.exitValue();
    }

    /** SIGKILL, as a crash or the OOM killer would: no shutdown hook runs, the database is not closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("gone after SIGKILL").isTrue();
        reader.join(10_000);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
