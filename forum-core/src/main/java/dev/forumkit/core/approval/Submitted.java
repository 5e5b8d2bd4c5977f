package dev.forumkit.core.approval;

/**
 * What came of writing a post: it was {@code posted} (the post, as its author sees it), or it is {@code held} for
 * approval. Exactly one is set.
 */
public record Submitted<T>(T posted, HeldPost held) {
    public Submitted {
        if ((posted == null) == (held == null)) {
            throw new IllegalArgumentException("a submission is either posted or held");
        }
    }

    public static <T> Submitted<T> posted(T post) {
        return new Submitted<>(post, null);
    }

    public static <T> Submitted<T> held(HeldPost held) {
        return new Submitted<>(null, held);
    }

    public boolean isHeld() {
        return held != null;
    }
}
