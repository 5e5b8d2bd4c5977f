package dev.forumkit.example.host;

import java.nio.file.Path;

/**
 * Runs the example host on port 7070 (or the first argument) with its database in {@code ./example-data}: the host's
 * users {@code ann} / {@code ann-password} and {@code bob} / {@code bob-password}, the forum at {@code /community/}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 7070;
        String url = "jdbc:h2:file:" + Path.of("example-data", "host").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        ExampleHost host = ExampleHost.h2(url, c -> { });
        if (host.forum().members().needsFirstAdmin()) {
            host.createFirstBoard("change this password");
        }
        if (host.users().byName("ann").isEmpty()) {
            host.users().add("1", "ann", "ann@example.org", "ann-password");
            host.users().add("2", "bob", "bob@example.org", "bob-password");
        }
        host.start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(host::close, "example-host-stop"));
        System.out.println("Example Host: http://localhost:" + port + "/ (forum at /community/)");
    }
}
