package dev.forumkit.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.LongPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The durable consumers' lag as an admin sees it in {@code GET /api/v1/admin/outbox}, polled by the crash tests. */
final class OutboxLag {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OutboxLag() {
    }

    /**
     * Polls every 20 ms until the lag of every named consumer passes the test; returns the largest of those lags.
     * Fails after the timeout with the last status.
     */
    static long await(HttpClient http, String base, Members.Session admin, List<String> consumers, LongPredicate until,
                      long timeoutMs) throws Exception {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(Members.get(base + "/api/v1/admin/outbox").header("Cookie", admin.cookie()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            last = r.body();
            long largest = -1;
            int passed = 0;
            for (JsonNode c : JSON.readTree(r.body()).path("outbox").path("consumers")) {
                if (consumers.contains(c.path("name").asText())) {
                    long lag = c.path("lag").asLong();
                    largest = Math.max(largest, lag);
                    passed += until.test(lag) ? 1 : 0;
                }
            }
            if (passed == consumers.size()) {
                return largest;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the lag of " + consumers + " never got there in " + timeoutMs + " ms; last status " + last);
    }
}
