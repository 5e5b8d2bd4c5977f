package dev.forumkit.core.image;

/** Why the pipeline refused an image; each has a code for error responses. */
public enum ImageRejected {
    NOT_AN_IMAGE("not_an_image", "the file is not an image this server can read"),
    TOO_MANY_PIXELS("too_many_pixels", "the image has too many pixels"),
    BROKEN("broken_image", "the image is damaged or truncated");

    private final String code;
    private final String message;

    ImageRejected(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }
}
