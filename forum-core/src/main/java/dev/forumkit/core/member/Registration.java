package dev.forumkit.core.member;

import dev.forumkit.core.Validation;

/** A request to join: username 3-32 characters (letters, digits, _ . -), a valid e-mail, password 8-200 characters. */
public record Registration(String username, String email, String password) {
    public Registration {
        username = username == null ? null : username.strip();
        email = email == null ? null : email.strip();
        Validation v = Validation.start().length(username, "username", 3, 32);
        if (username != null && !username.isEmpty()) {
            v.require(username.matches("[\\p{L}\\p{N}_.\\-]+"), "username", "invalid_characters",
                    "username may contain letters, digits, '_', '.' and '-' only");
        }
        email(v, "email", email);
        v.require(password != null && password.length() >= 8, "password", "too_short",
                "password must be at least 8 characters");
        v.require(password == null || password.length() <= 200, "password", "too_long",
                "password must be at most 200 characters");
        v.orThrow();
    }

    /** Checks an e-mail address the way registration does (also for a change of address), as {@code field}. */
    public static Validation email(Validation v, String field, String email) {
        v.length(email, field, 3, 254);
        if (email != null && !email.isEmpty()) {
            v.require(email.matches("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+"), field, "invalid_email",
                    field + " must look like name@example.org");
        }
        return v;
    }

    @Override
    public String toString() {
        return "Registration[username=" + username + ", email=" + email + ", password=***]";
    }
}
