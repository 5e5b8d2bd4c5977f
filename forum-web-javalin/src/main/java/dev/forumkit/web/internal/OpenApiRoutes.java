package dev.forumkit.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forumkit.web.Access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 document of every JSON route, checked in as
 * {@code dev/forumkit/web/openapi.json} and kept true by {@code OpenApiTest} (every route of the table is in it, and
 * every documented GET answers with its documented fields). Served with the API's own address as its server.
 */
public final class OpenApiRoutes {
    public static final String RESOURCE = "/dev/forumkit/web/openapi.json";

    private OpenApiRoutes() {
    }

    public static void register(RouteTable t) {
        JsonNode document = load();
        t.get("/openapi.json", Access.ANYONE, call -> {
            ObjectNode copy = document.deepCopy();
            copy.withArray("servers").removeAll().addObject().put("url", call.api().settings().apiPrefix());
            call.ctx().header("Cache-Control", "public, max-age=3600");
            return copy;
        });
    }

    /** The checked-in document; read once, when the routes are registered. */
    public static JsonNode load() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
