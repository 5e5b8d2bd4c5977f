package dev.forumkit.core;

import java.util.List;
import java.util.stream.Collectors;

/** A command was malformed; {@link #fieldErrors()} names every bad field, not only the first. */
public final class InvalidInputException extends ForumException {
    private final List<FieldError> fieldErrors;

    public InvalidInputException(List<FieldError> fieldErrors) {
        super("invalid_input", fieldErrors.stream().map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; ")));
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static InvalidInputException of(String field, String code, String message) {
        return new InvalidInputException(List.of(new FieldError(field, code, message)));
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** One bad field: its name as the caller spelled it, a stable code and a sentence for people. */
    public record FieldError(String field, String code, String message) {
    }
}
