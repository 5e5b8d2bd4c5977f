package dev.forumkit.core.post;

import dev.forumkit.core.Validation;

/** Limits on what people write: thread titles 1-150 characters on one line, bodies 1-50,000 characters. */
public final class PostText {
    public static final int MAX_TITLE = 150;
    public static final int MAX_BODY = 50_000;

    private PostText() {
    }

    public static Validation title(Validation v, String title) {
        return v.length(title, "title", 1, MAX_TITLE).noControlCharacters(title, "title");
    }

    public static Validation body(Validation v, String body) {
        return v.length(body, "body", 1, MAX_BODY).wellFormed(body, "body");
    }

    /** Bodies keep their inner whitespace but lose trailing blank space; line ends become \n. */
    public static String cleanBody(String body) {
        return body == null ? null : body.replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
    }

    public static String cleanTitle(String title) {
        return title == null ? null : title.strip();
    }
}
