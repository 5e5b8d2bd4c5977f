package dev.forumkit.web.internal.html;

import java.util.Objects;

/** A text of the bundles not yet in a language: a key and its arguments, resolved when the page renders. */
public record Text(String key, Object... args) {
    public Text {
        Objects.requireNonNull(key, "key");
        args = args.clone();
    }

    public String in(Texts texts) {
        return texts.t(key, args);
    }
}
