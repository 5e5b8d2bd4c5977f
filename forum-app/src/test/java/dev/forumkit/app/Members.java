package dev.forumkit.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated forum as the torture tests use it: its threads, signed-in members, and the requests they send. */
final class Members {
    private static final Pattern THREADS = Pattern.compile("threads (\\d+)\\.\\.(\\d+)");
    private static final Pattern SLUG = Pattern.compile("\"slug\":\"([^\"]+)\"");
    private static final Pattern POST_ID = Pattern.compile("\"id\":(\\d+)");
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A signed-in member: session cookie and CSRF token. */
    record Session(String cookie, String csrf) {
    }

    /** A thread with the slug of its HTML address. */
    record ThreadRef(long id, String slug) {
        String page(int n) {
            return "/threads/" + slug + "." + id + "/" + (n > 1 ? "page-" + n : "");
        }
    }

    private Members() {
    }

    /** The generate command's settings-independent sizes for a small forum; its output names the thread ids. */
    static String[] generateArgs() {
        return new String[] {"generate", "--members", "300", "--boards", "4", "--threads", "40", "--posts", "3000",
                "--reactions", "500", "--seed", "7"};
    }

    /** The first {@code count} threads the generate command reported, with their slugs (asked of the API). */
    static List<ThreadRef> threads(String generateOutput, String base, int count) throws Exception {
        Matcher m = THREADS.matcher(generateOutput);
        assertThat(m.find()).as(generateOutput).isTrue();
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        List<ThreadRef> threads = new ArrayList<>();
        HttpClient http = Load.client();
        for (long id = first; id <= last && threads.size() < count; id++) {
            HttpResponse<String> r = http.send(get(base + "/api/v1/threads/" + id).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            Matcher s = SLUG.matcher(r.body());
            assertThat(s.find()).isTrue();
            threads.add(new ThreadRef(id, s.group(1)));
        }
        return threads;
    }

    static Session signIn(HttpClient http, String base, int member) throws Exception {
        HttpResponse<String> r = http.send(signInRequest(base, member, DataGenerator.PASSWORD), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("forumkit_session="))
                .findFirst().orElseThrow().split(";")[0];
        return new Session(cookie, r.body().replaceAll(".*\"csrf_token\":\"([^\"]+)\".*", "$1"));
    }

    static HttpRequest signInRequest(String base, int member, String password) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/session")).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"member" + member + "@example.com\",\"password\":\""
                        + password + "\"}")).build();
    }

    static HttpRequest reply(String base, Session s, long threadId, String text) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/threads/" + threadId + "/posts")).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Cookie", s.cookie()).header("X-CSRF-Token", s.csrf())
                .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"" + text + "\"}")).build();
    }

    /** The id of the post a 201 reply created. */
    static long postId(String body) {
        Matcher m = POST_ID.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Long.parseLong(m.group(1));
    }

    static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "application/json");
    }

    static HttpRequest html(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "text/html").build();
    }
}
