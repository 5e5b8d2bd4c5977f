package dev.forumkit.core.image;

import java.util.Objects;

/** The pipeline refused an image; {@link #reason()} says why. Callers turn it into an invalid-input error. */
public final class ImageException extends RuntimeException {
    private final ImageRejected reason;

    public ImageException(ImageRejected reason, Throwable cause) {
        super(reason.message(), cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public ImageRejected reason() {
        return reason;
    }
}
