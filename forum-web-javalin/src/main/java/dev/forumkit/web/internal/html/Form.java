package dev.forumkit.web.internal.html;

import dev.forumkit.core.InvalidInputException;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form as typed and as judged: the values to show again and the error beside each field. Nothing a person
 * typed is dropped when the form comes back with errors (passwords excepted). Messages are kept with their error
 * code and shown in the page's language: outside English an {@code error.<code>} text of the bundles replaces the
 * core's English message (which English readers see as it is, details included).
 */
public final class Form {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Message> errors = new LinkedHashMap<>();
    private final List<Message> general = new ArrayList<>();
    private String code;
    private Texts texts = Texts.english();

    /** A message as core or a page said it in English, with its stable code (null: none). */
    private record Message(String code, String english) {
        String in(Texts texts) {
            return texts.error(code, english);
        }
    }

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
            Message message = new Message(fe.code(), sentence(fe.message()));
            if (shown.contains(fe.field())) {
                errors.putIfAbsent(fe.field(), message);
            } else {
                general.add(message);
            }
        }
        return this;
    }

    /** An error beside a field; {@code errorCode} names its {@code error.<code>} text in other languages. */
    Form withError(String field, String message, String errorCode) {
        errors.putIfAbsent(field, new Message(errorCode, sentence(message)));
        return this;
    }

    /** A general error with the stable code the API would give for it (shown as {@code data-error-code}). */
    Form withGeneral(String message, String errorCode) {
        this.code = errorCode;
        general.add(new Message(errorCode, sentence(message)));
        return this;
    }

    /** The page's language, set by the responder before the page renders. */
    void language(Texts value) {
        this.texts = value;
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
        Message m = errors.get(field);
        return m == null ? null : m.in(texts);
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    /** The id of a field's error message, for {@code aria-describedby}; null when the field is fine. */
    public String errorId(String field) {
        return errors.containsKey(field) ? field + "-error" : null;
    }

    public List<String> general() {
        return general.stream().map(m -> m.in(texts)).toList();
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
