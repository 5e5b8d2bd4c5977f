package dev.forumkit.example.host;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host's own users and sessions: what a web application has before it adds a forum. Kept in memory to keep the
 * example short (a real host has them in its database and hashes its passwords).
 */
public final class HostUsers {
    /** A host user; {@code id} never changes, name and e-mail may. */
    public record User(String id, String name, String email, String password) {
    }

    private final Map<String, User> byId = new ConcurrentHashMap<>();
    private final Map<String, String> sessions = new ConcurrentHashMap<>(); // session token -> user id
    private final SecureRandom random = new SecureRandom();

    public User add(String id, String name, String email, String password) {
        User user = new User(id, name, email, password);
        byId.put(id, user);
        return user;
    }

    /** Changes a user's name and e-mail (the host's account page); the forum follows on the user's next request. */
    public void change(String id, String name, String email) {
        byId.computeIfPresent(id, (k, u) -> new User(id, name, email, u.password()));
    }

    /** A new session token when name and password match, else empty. */
    public Optional<String> signIn(String name, String password) {
        return byId.values().stream()
                .filter(u -> u.name().equalsIgnoreCase(name == null ? "" : name.strip()))
                .filter(u -> MessageDigest.isEqual(u.password().getBytes(StandardCharsets.UTF_8),
                        (password == null ? "" : password).getBytes(StandardCharsets.UTF_8)))
                .findFirst()
                .map(u -> {
                    byte[] bytes = new byte[24];
                    random.nextBytes(bytes);
                    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                    sessions.put(token, u.id());
                    return token;
                });
    }

    public Optional<User> bySession(String token) {
        return Optional.ofNullable(token).map(sessions::get).map(byId::get);
    }

    public void signOut(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }
}
