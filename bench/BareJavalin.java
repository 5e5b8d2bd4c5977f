import io.javalin.Javalin;

/**
 * The benchmark's yardstick: a bare Javalin 7 hello-world on the same JVM settings as the forum, compiled by
 * bench/run.sh against the forum's own jar (so the same Javalin and Jetty). Its req/s and CPU per request are what
 * every other row is divided by. Usage: java -Xmx256m -cp forumkit.jar:classes BareJavalin 127.0.0.1 PORT
 */
public final class BareJavalin {
    public static void main(String[] args) {
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.get("/bench/ping", ctx -> ctx.result("pong"));
            config.routes.get("/health", ctx -> ctx.result("ok"));
        }).start(args[0], Integer.parseInt(args[1]));
    }
}
