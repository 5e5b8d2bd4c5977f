package dev.forumkit.web.internal.html;

import dev.forumkit.core.InvalidInputException;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form as typed and as judged: the values to show again and the error beside each field. Nothing a person
 * typed is dropped when the form comes back with errors (passwords excepted).
 */
public final class Form {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();
    private String code;

    public static Form empty() {
        return new Form();
    }

    /** The named fields of a submitted form ({@code application/x-www-form-urlencoded}). */
    static Form from(Context ctx, String... fields) {
        Form f = new Form();
        for (String name : fields) {
            String v = ctx.formParam(name);
            if (v != null) {
                f.values.put(name, v);
            }
        }
        return f;
    }

    /** Sets a value; null removes it (a value that must not be shown again, such as an unsafe {@code next}). */
    Form set(String field, String value) {
        if (value == null) {
            values.remove(field);
        } else {
            values.put(field, value);
        }
        return this;
    }

    /** Core's field errors beside their fields; a field this form does not show becomes a general error. */
    Form withErrors(InvalidInputException e, String... shownFields) {
        List<String> shown = List.of(shownFields);
        for (InvalidInputException.FieldError fe : e.fieldErrors()) {
            String message = sentence(fe.message());
            if (shown.contains(fe.field())) {
                errors.putIfAbsent(fe.field(), message);
            } else {
                general.add(message);
            }
        }
        return this;
    }

    Form withError(String field, String message) {
        errors.putIfAbsent(field, sentence(message));
        return this;
    }

    Form withGeneral(String message) {
        general.add(sentence(message));
        return this;
    }

    /** A general error with the stable code the API would give for it (shown as {@code data-error-code}). */
    Form withGeneral(String message, String errorCode) {
        this.code = errorCode;
        return withGeneral(message);
    }

    public String code() {
        return code;
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String get(String field) {
        return values.get(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    /** The id of a field's error message, for {@code aria-describedby}; null when the field is fine. */
    public String errorId(String field) {
        return errors.containsKey(field) ? field + "-error" : null;
    }

    public List<String> general() {
        return List.copyOf(general);
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || !general.isEmpty();
    }

    private static String sentence(String message) {
        if (message == null || message.isEmpty()) {
            return "";
        }
        String m = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return m.endsWith(".") ? m : m + ".";
    }
}
