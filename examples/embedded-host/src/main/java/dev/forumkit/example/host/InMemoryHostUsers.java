package dev.forumkit.example.host;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The host's users and sessions in maps (a real host keeps them in its database and hashes its passwords). */
public final class InMemoryHostUsers implements HostUsers {
    private record Account(User user, String password) {
    }

    private final Map<String, Account> byId = new ConcurrentHashMap<>();
    private final Map<String, String> sessions = new ConcurrentHashMap<>(); // session token -> user id

    @Override
    public User add(String id, String name, String email, String password) {
        User user = new User(id, name, email);
        byId.put(id, new Account(user, password));
        return user;
    }

    @Override
    public void change(String id, String name, String email) {
        byId.computeIfPresent(id, (k, a) -> new Account(new User(id, name, email), a.password()));
    }

    @Override
    public Optional<String> signIn(String name, String password) {
        return byId.values().stream()
                .filter(a -> a.user().name().equalsIgnoreCase(name == null ? "" : name.strip()))
                .filter(a -> MessageDigest.isEqual(a.password().getBytes(StandardCharsets.UTF_8),
                        (password == null ? "" : password).getBytes(StandardCharsets.UTF_8)))
                .findFirst()
                .map(a -> {
                    String token = SessionTokens.next();
                    sessions.put(token, a.user().id());
                    return token;
                });
    }

    @Override
    public Optional<User> bySession(String token) {
        return Optional.ofNullable(token).map(sessions::get).map(byId::get).map(Account::user);
    }

    @Override
    public Optional<User> byName(String name) {
        return byId.values().stream().map(Account::user).filter(u -> u.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public void signOut(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }
}
