package dev.forumkit.web.internal.html;

import dev.forumkit.web.Access;
import dev.forumkit.web.internal.HttpProblem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The one stylesheet and the small scripts (forms, live updates), read from the jar once. */
final class Assets {
    private static final Map<String, Asset> FILES = Map.of(
            "forumkit.css", load("forumkit.css", "text/css; charset=utf-8"),
            "forumkit.js", load("forumkit.js", "text/javascript; charset=utf-8"),
            "live.js", load("live.js", "text/javascript; charset=utf-8"));

    private Assets() {
    }

    static void register(PageTable t) {
        t.get("/assets/{file}", Access.ANYONE, call -> {
            Asset a = FILES.get(call.ctx().pathParam("file"));
            if (a == null) {
                throw HttpProblem.notFound("no such file");
            }
            return a;
        });
    }

    private static Asset load(String name, String type) {
        try (InputStream in = Assets.class.getResourceAsStream("/dev/forumkit/web/assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing asset " + name);
            }
            return new Asset(in.readAllBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
