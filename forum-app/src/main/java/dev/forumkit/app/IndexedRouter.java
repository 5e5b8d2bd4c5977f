package dev.forumkit.app;

import io.javalin.config.JavalinConfig;
import io.javalin.config.JavalinState;
import io.javalin.config.RouterConfig;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.InternalRouter;
import io.javalin.router.ParsedEndpoint;
import io.javalin.validation.Validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Javalin's router, finding a request's route among the candidates that can match it instead of among all of them.
 * Javalin tries every route of the method in the order they were added, with a regular expression each, twice per
 * request (before-matched and the endpoint); with the forum's few hundred routes that was about 40 % of the CPU of a
 * trivial request (docs/performance.md). Here each route is filed under the literal start of its path up to the last
 * slash before its first parameter or wildcard ({@code /api/v1/threads/} for {@code /api/v1/threads/{id}}); a request
 * is tried against the routes filed under each slash-ended start of its own path, in their original order, with
 * Javalin's own matcher. A route can only match a path that begins with its literal start, so the answer is the same
 * route Javalin would find. With case-insensitive routes or collapsed slashes that no longer holds: then, and for
 * non-HTTP handler types (before, after), it is Javalin's own search.
 */
final class IndexedRouter extends InternalRouter {
    private static final int[] NONE = new int[0];
    private final RouterConfig config;
    private volatile Map<HandlerType, Index> index; // built at the first request; null again when a route is added

    /** {@code literal[at]}: the path of route {@code at} without trailing slashes if it has no parameter nor wildcard, else null. */
    private record Index(List<ParsedEndpoint> routes, Map<String, int[]> byStart, String[] literal) {
    }

    private IndexedRouter(JavalinState state) {
        super(state.wsRouter, state.eventManager, state.router, state.jetty);
        this.config = state.router;
    }

    /**
     * Puts an indexed router in place of Javalin's. Call first in the config lambda, before any route, exception handler
     * or plugin is added; the validation exception mapper Javalin added to its own router is added again.
     */
    static void install(JavalinConfig config) {
        JavalinState state = config.unsafe;
        state.internalRouter = new IndexedRouter(state);
        Validation.Companion.addValidationExceptionMapper(state);
    }

    @Override
    public InternalRouter addHttpEndpoint(Endpoint endpoint) {
        index = null;
        return super.addHttpEndpoint(endpoint);
    }

    @Override
    public ParsedEndpoint findFirstHttpHandlerEntry(HandlerType type, String requestUri) {
        Index i = indexFor(type, requestUri);
        if (i == null) {
            return super.findFirstHttpHandlerEntry(type, requestUri);
        }
        String bare = withoutTrailingSlashes(requestUri);
        for (int at : candidates(i, requestUri)) {
            ParsedEndpoint e = i.routes().get(at);
            if (mayMatch(i, at, bare) && e.matches(requestUri)) {
                return e;
            }
        }
        return null;
    }

    @Override
    public List<ParsedEndpoint> findHttpHandlerEntries(HandlerType type, String requestUri) {
        Index i = indexFor(type, requestUri);
        if (i == null) {
            return super.findHttpHandlerEntries(type, requestUri);
        }
        List<ParsedEndpoint> found = new ArrayList<>(2);
        String bare = withoutTrailingSlashes(requestUri);
        for (int at : candidates(i, requestUri)) {
            ParsedEndpoint e = i.routes().get(at);
            if (mayMatch(i, at, bare) && e.matches(requestUri)) {
                found.add(e);
            }
        }
        return found;
    }

    @Override
    public boolean hasHttpHandlerEntry(HandlerType type, String requestUri) {
        return findFirstHttpHandlerEntry(type, requestUri) != null;
    }

    private Index indexFor(HandlerType type, String requestUri) {
        // read at each request, not at install: the config lambda may set these after installing the router
        boolean exact = !config.caseInsensitiveRoutes && !config.treatMultipleSlashesAsSingleSlash;
        if (!exact || !type.isHttpMethod() || requestUri.isEmpty() || requestUri.charAt(0) != '/') {
            return null;
        }
        Map<HandlerType, Index> all = index;
        if (all == null) {
            all = build();
            index = all;
        }
        return all.get(type);
    }

    private Map<HandlerType, Index> build() {
        Map<HandlerType, List<ParsedEndpoint>> byType = new HashMap<>();
        for (ParsedEndpoint e : allHttpHandlers()) {
            byType.computeIfAbsent(e.endpoint.method, t -> new ArrayList<>()).add(e);
        }
        Map<HandlerType, Index> built = new HashMap<>();
        byType.forEach((type, routes) -> {
            Map<String, List<Integer>> lists = new HashMap<>();
            for (int at = 0; at < routes.size(); at++) {
                lists.computeIfAbsent(literalStart(routes.get(at).endpoint.path), k -> new ArrayList<>()).add(at);
            }
            Map<String, int[]> byStart = new HashMap<>();
            lists.forEach((start, ats) -> byStart.put(start, ats.stream().mapToInt(Integer::intValue).toArray()));
            String[] literal = new String[routes.size()];
            for (int at = 0; at < routes.size(); at++) {
                String path = routes.get(at).endpoint.path;
                literal[at] = path.indexOf('{') < 0 && path.indexOf('<') < 0 && path.indexOf('*') < 0
                        ? withoutTrailingSlashes(path) : null;
            }
            built.put(type, new Index(List.copyOf(routes), byStart, literal));
        });
        return Map.copyOf(built);
    }

    /** The routes filed under each slash-ended start of the path (and under "", the routes of no literal start), in order. */
    private static int[] candidates(Index i, String uri) {
        int[] merged = i.byStart().getOrDefault("", NONE);
        int parts = merged.length == 0 ? 0 : 1;
        for (int slash = uri.indexOf('/'); slash >= 0; slash = uri.indexOf('/', slash + 1)) {
            int[] more = i.byStart().get(uri.substring(0, slash + 1));
            if (more != null) {
                merged = merged.length == 0 ? more : concat(merged, more);
                parts++;
            }
        }
        if (parts > 1) {
            Arrays.sort(merged); // the original order: the first route added wins, as in Javalin
        }
        return merged;
    }

    /**
     * False when route {@code at} cannot match: a route of no parameter nor wildcard matches its own path only, with or
     * without a trailing slash. Saves the regular expression (and its Matcher) of every literal route tried in vain:
     * the pages at the root ({@code /login}, {@code /whats-new/}, ...) are tried for every one-segment path.
     */
    private static boolean mayMatch(Index i, int at, String bareUri) {
        String literal = i.literal()[at];
        return literal == null || literal.equals(bareUri);
    }

    private static String withoutTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return end == path.length() ? path : path.substring(0, end);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /**
     * The literal start of a route's path up to and including the last slash before its first parameter or wildcard;
     * for a path without any, up to the last slash before its last segment (so {@code /threads/} also takes
     * {@code /threads} when trailing slashes are ignored). "" when the path does not start with a slash.
     */
    static String literalStart(String path) {
        int special = path.length();
        for (int k = 0; k < path.length(); k++) {
            char c = path.charAt(k);
            if (c == '{' || c == '<' || c == '*') {
                special = k;
                break;
            }
        }
        String literal = path.substring(0, special);
        if (special == path.length()) {
            while (literal.endsWith("/")) {
                literal = literal.substring(0, literal.length() - 1);
            }
        }
        int slash = literal.lastIndexOf('/');
        return !path.startsWith("/") || slash < 0 ? "" : literal.substring(0, slash + 1);
    }
}
