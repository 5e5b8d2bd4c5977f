package dev.forumkit.example.host;

import java.util.Optional;

/**
 * The host's own users and sessions: what a web application has before it adds a forum. Two kinds: in memory (the
 * shortest example) and in the host's own database tables ({@link JdbcHostUsers}).
 */
public interface HostUsers {
    /** A host user; {@code id} never changes, name and e-mail may. */
    record User(String id, String name, String email) {
    }

    /** Adds a user (the host's registration, kept to one line here). */
    User add(String id, String name, String email, String password);

    /** Changes a user's name and e-mail (the host's account page); the forum follows on the user's next request. */
    void change(String id, String name, String email);

    /** A new session token when name and password match, else empty. */
    Optional<String> signIn(String name, String password);

    Optional<User> bySession(String token);

    /** The user with this name (any case), if there is one. */
    Optional<User> byName(String name);

    void signOut(String token);
}
