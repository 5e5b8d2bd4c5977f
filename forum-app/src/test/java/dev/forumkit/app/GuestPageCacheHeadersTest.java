package dev.forumkit.app;

import dev.forumkit.core.signal.LocalSignals;
import dev.forumkit.web.internal.PageCaching;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hit carries exactly the headers of the fresh page, although the cache stores only what the page's handler added
 * beyond the headers the filters before it set (the security headers), and a hit leaves those to its own filters:
 * a page whose handler changed or took away a filter's header must not lose that change on a hit.
 */
class GuestPageCacheHeadersTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void a_hit_has_the_fresh_pages_headers_also_where_a_handler_changed_or_removed_a_filters_header() throws Exception {
        try (LocalSignals signals = new LocalSignals()) {
            GuestPageCache cache = new GuestPageCache("forumkit_session", 1 << 20, signals);
            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.routes.before(ctx -> { // as SecurityHeaders.apply, on every response, before the cache
                    ctx.header("Content-Security-Policy", "default-src 'self'");
                    ctx.header("X-Frame-Options", "SAMEORIGIN");
                    ctx.header("X-Content-Type-Options", "nosniff");
                });
                config.routes.before(cache::before);
                config.routes.after(cache::after);
                config.routes.get("/api/v1/threads/{id}", ctx -> {
                    long id = Long.parseLong(ctx.pathParam("id"));
                    if (id == 1) { // a page with a policy of its own
                        ctx.header("Content-Security-Policy", "default-src 'none'; img-src https:");
                    } else if (id == 2) { // a page that may be framed
                        ctx.res().setHeader("X-Frame-Options", null);
                    }
                    ctx.header("Cache-Control", "no-store");
                    ctx.attribute(PageCaching.DEPENDS_ON, new PageCaching.Scope(Set.of(id), Set.of()));
                    ctx.json(Map.of("thread", id, "text", "x".repeat(2000)));
                });
            }).start("127.0.0.1", 0);
            try {
                for (long id = 1; id <= 3; id++) {
                    String url = "http://127.0.0.1:" + app.port() + "/api/v1/threads/" + id;
                    HttpResponse<byte[]> fresh = get(url, false);
                    assertThat(fresh.headers().firstValue("X-Forum-Cache")).as(url).isEmpty();
                    HttpResponse<byte[]> hit = get(url, false);
                    if (id == 2) { // not stored: a hit could not take the filter's header away
                        assertThat(hit.headers().firstValue("X-Forum-Cache")).as(url).isEmpty();
                        assertThat(hit.headers().firstValue("X-Frame-Options")).as(url).isEmpty();
                        continue;
                    }
                    assertThat(hit.headers().firstValue("X-Forum-Cache")).as(url).contains("hit");
                    assertThat(comparable(hit.headers())).as(url).isEqualTo(comparable(fresh.headers()));
                    assertThat(hit.body()).isEqualTo(fresh.body());
                    HttpResponse<byte[]> zipped = get(url, true);
                    assertThat(zipped.headers().firstValue("X-Forum-Cache")).as(url).contains("hit");
                    assertThat(zipped.headers().allValues("Content-Encoding")).containsExactly("gzip");
                    Map<String, List<String>> unzipped = comparable(zipped.headers());
                    unzipped.remove("content-encoding");
                    assertThat(unzipped).as(url + " gzip").isEqualTo(comparable(fresh.headers()));
                    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
                        assertThat(in.readAllBytes()).isEqualTo(fresh.body());
                    }
                }
                HttpResponse<byte[]> own = get("http://127.0.0.1:" + app.port() + "/api/v1/threads/1", false);
                assertThat(own.headers().allValues("Content-Security-Policy"))
                        .containsExactly("default-src 'none'; img-src https:");
            } finally {
                app.stop();
            }
        }
    }

    /** Every header with all its values, but the date, the cache's mark and the length (of gzip or not). */
    private static Map<String, List<String>> comparable(HttpHeaders headers) {
        Map<String, List<String>> all = new TreeMap<>(headers.map());
        all.remove("date");
        all.remove("x-forum-cache");
        all.remove("content-length");
        return all;
    }

    private static HttpResponse<byte[]> get(String url, boolean gzip) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (gzip) {
            b.header("Accept-Encoding", "gzip");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
