package dev.forumkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A browser-like API client: keeps the session cookie it was given and echoes the CSRF token it was told, unless
 * told not to. Bodies are JSON strings so tests can send malformed ones.
 */
final class Client {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    final String host;
    String sessionCookie;
    String csrf;
    boolean sendCsrf = true;

    Client(String base, String host) {
        this.base = base;
        this.host = host;
    }

    record Response(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The first error's code, for quick assertions; HTML pages carry it as {@code data-error-code}. */
        String errorCode() {
            if (body.stripLeading().startsWith("<")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-error-code=\"([a-z_]+)\"").matcher(body);
                return m.find() ? m.group(1) : null;
            }
            return json().path("errors").path(0).path("code").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, String json) {
        return send("POST", path, json);
    }

    Response put(String path, String json) {
        return send("PUT", path, json);
    }

    Response patch(String path, String json) {
        return send("PATCH", path, json);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** An answer with its body as bytes (files). */
    record Bytes(int status, byte[] body, HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** Sends a body of bytes (a multipart upload) with the session and CSRF token; answers as text. */
    Response sendBytes(String method, String path, byte[] body, String... headers) {
        return exchange(method, path, HttpRequest.BodyPublishers.ofByteArray(body), List.of(headers),
                HttpResponse.BodyHandlers.ofString(), (status, b, h) -> new Response(status, b, h));
    }

    /** GETs a file, its body as bytes. */
    Bytes getBytes(String path, String... headers) {
        return exchange("GET", path, HttpRequest.BodyPublishers.noBody(), List.of(headers),
                HttpResponse.BodyHandlers.ofByteArray(), Bytes::new);
    }

    private interface Answer<B, R> {
        R make(int status, B body, HttpHeaders headers);
    }

    private <B, R> R exchange(String method, String path, HttpRequest.BodyPublisher body, List<String> hs,
                              HttpResponse.BodyHandler<B> handler, Answer<B, R> answer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        b.method(method, body);
        if (sessionCookie != null) {
            b.header("Cookie", "forumkit_session=" + sessionCookie);
        }
        if (sendCsrf && csrf != null && !hs.contains("X-CSRF-Token")) {
            b.header("X-CSRF-Token", csrf);
        }
        for (int i = 0; i < hs.size(); i += 2) {
            b.header(hs.get(i), hs.get(i + 1));
        }
        try {
            HttpResponse<B> r = HTTP.send(b.build(), handler);
            return answer.make(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response send(String method, String path, String json, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        List<String> hs = new ArrayList<>(List.of(headers));
        if (json != null && !hs.contains("Content-Type")) {
            b.header("Content-Type", "application/json");
        }
        if (sessionCookie != null) {
            b.header("Cookie", "forumkit_session=" + sessionCookie);
        }
        if (sendCsrf && csrf != null && !hs.contains("X-CSRF-Token")) {
            b.header("X-CSRF-Token", csrf);
        }
        for (int i = 0; i < hs.size(); i += 2) {
            b.header(hs.get(i), hs.get(i + 1));
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            for (String c : r.headers().allValues("Set-Cookie")) {
                if (c.startsWith("forumkit_session=")) {
                    String v = c.substring("forumkit_session=".length()).split(";", 2)[0];
                    sessionCookie = v.isEmpty() ? null : v;
                }
            }
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in through the API and remembers cookie and CSRF token. */
    Client signIn(String login, String password) {
        Response r = post("/api/v1/session", "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}");
        if (r.status() != 200) {
            throw new AssertionError("sign-in failed: " + r);
        }
        csrf = r.json().path("session").path("csrf_token").asText();
        return this;
    }

    /** Registers through the API (which signs in) and remembers cookie and CSRF token. */
    Client register(String username, String password) {
        Response r = post("/api/v1/members", "{\"username\":\"" + username + "\",\"email\":\"" + username
                + "@example.org\",\"password\":\"" + password + "\"}");
        if (r.status() != 201) {
            throw new AssertionError("registration failed: " + r);
        }
        csrf = r.json().path("session").path("csrf_token").asText();
        return this;
    }
}
