package dev.forumkit.web.internal.html;

import java.util.List;
import java.util.Objects;

/**
 * A form that could not be done, to show again: the page with everything typed, and why. {@link PageResponder}
 * takes the status from the one error mapping and, unless the page already explains the problem, puts the mapped
 * messages beside the fields the form shows (others above it). A 401 becomes the sign-in form and a 5xx the error
 * page, as if the page had thrown.
 */
record Refusal(View page, Form form, Throwable cause, List<String> fields) {
    Refusal {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(cause, "cause");
        fields = List.copyOf(fields);
    }

    /** The form again with the mapped messages: beside {@code fields}, or above the form for any other. */
    static Refusal of(View page, Form form, Throwable cause, String... fields) {
        return new Refusal(page, Objects.requireNonNull(form, "form"), cause, List.of(fields));
    }

    /** The page already says what went wrong; only the status comes from the mapping. */
    static Refusal explained(View page, Throwable cause) {
        return new Refusal(page, null, cause, List.of());
    }
}
