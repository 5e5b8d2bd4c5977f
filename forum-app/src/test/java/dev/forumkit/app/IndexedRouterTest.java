package dev.forumkit.app;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.JavalinState;
import io.javalin.http.HandlerType;
import io.javalin.router.InternalRouter;
import io.javalin.router.ParsedEndpoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The indexed router finds the route Javalin's own finds, for every path, overlapping and trailing-slash cases included. */
class IndexedRouterTest {
    private static final List<String> ROUTES = List.of("/", "/threads/new", "/threads/{thread}/", "/threads/{thread}/page-{page}",
            "/threads/{thread}/feed.atom", "/api/v1/threads/{id}", "/api/v1/threads/{id}/posts", "/api/v1/boards",
            "/api/v1/boards/{id}", "/api/v1/<rest>", "/api/v1", "/feed.atom", "/members/{name}", "/bench/ping", "/health",
            "/files/*", "/{anything}/x");
    private static final List<String> PATHS = List.of("/", "", "/threads/new", "/threads/new/", "/threads/a.1/", "/threads/a.1",
            "/threads/a.1/page-2", "/threads/a.1/feed.atom", "/threads", "/threads/", "/api/v1/threads/5", "/api/v1/threads/5/",
            "/api/v1/threads/5/posts", "/api/v1/threads/x/y/z", "/api/v1", "/api/v1/", "/api/v1/boards", "/api/v1/boards/",
            "/api/v1/boards/3", "/api/v2/boards", "/feed.atom", "/feed.atom/", "/members/mia", "/bench/ping", "/bench/ping/",
            "/bench", "/bench/ping//", "/health//", "/api/v1//", "///", "/health", "/files/a/b.png", "/files", "/zz/x", "/threads/x", "/nothing/here", "//threads/a.1/", "/THREADS/new");

    @Test
    void finds_what_javalin_finds() {
        InternalRouter plain = router(c -> { });
        InternalRouter indexed = router(IndexedRouter::install);
        assertThat(indexed).isInstanceOf(IndexedRouter.class);
        for (HandlerType type : List.of(HandlerType.GET, HandlerType.POST)) {
            for (String path : PATHS) {
                assertThat(path(indexed.findFirstHttpHandlerEntry(type, path))).as(type + " " + path)
                        .isEqualTo(path(plain.findFirstHttpHandlerEntry(type, path)));
                assertThat(indexed.findHttpHandlerEntries(type, path).stream().map(IndexedRouterTest::path).toList())
                        .as("all of " + type + " " + path)
                        .isEqualTo(plain.findHttpHandlerEntries(type, path).stream().map(IndexedRouterTest::path).toList());
            }
        }
        assertThat(path(indexed.findFirstHttpHandlerEntry(HandlerType.GET, "/threads/new"))).isEqualTo("/threads/new");
        assertThat(path(indexed.findFirstHttpHandlerEntry(HandlerType.GET, "/api/v1/threads/5"))).isEqualTo("/api/v1/threads/{id}");
        assertThat(path(indexed.findFirstHttpHandlerEntry(HandlerType.GET, "/api/v1/threads/x/y/z"))).isEqualTo("/api/v1/<rest>");
    }

    @Test
    void literal_start_is_up_to_the_last_slash_before_the_first_parameter() {
        assertThat(IndexedRouter.literalStart("/api/v1/threads/{id}")).isEqualTo("/api/v1/threads/");
        assertThat(IndexedRouter.literalStart("/threads/{thread}/page-{page}")).isEqualTo("/threads/");
        assertThat(IndexedRouter.literalStart("/threads/")).isEqualTo("/");
        assertThat(IndexedRouter.literalStart("/bench/ping")).isEqualTo("/bench/");
        assertThat(IndexedRouter.literalStart("/api/v1/<rest>")).isEqualTo("/api/v1/");
        assertThat(IndexedRouter.literalStart("*")).isEmpty();
    }

    private static InternalRouter router(Consumer<JavalinConfig> first) {
        JavalinState[] state = new JavalinState[1];
        Javalin.create(config -> {
            first.accept(config);
            state[0] = config.unsafe;
            for (String route : ROUTES) {
                config.routes.get(route, ctx -> { });
                config.routes.post(route, ctx -> { });
            }
        });
        return state[0].internalRouter;
    }

    private static String path(ParsedEndpoint e) {
        return e == null ? null : e.endpoint.path;
    }
}
