package dev.forumkit.core;

import java.util.ArrayList;
import java.util.List;

/** Collects every bad field of a command, then throws them together. */
public final class Validation {
    private final List<InvalidInputException.FieldError> errors = new ArrayList<>();

    public static Validation start() {
        return new Validation();
    }

    public Validation require(boolean ok, String field, String code, String message) {
        if (!ok) {
            errors.add(new InvalidInputException.FieldError(field, code, message));
        }
        return this;
    }

    /** Checks length in code points after trimming; null counts as empty. */
    public Validation length(String value, String field, int min, int max) {
        int n = value == null ? 0 : value.strip().codePointCount(0, value.strip().length());
        if (value == null || n < min) {
            errors.add(new InvalidInputException.FieldError(field, min <= 1 ? "required" : "too_short",
                    min <= 1 ? field + " is required" : field + " must be at least " + min + " characters"));
        } else if (n > max) {
            errors.add(new InvalidInputException.FieldError(field, "too_long",
                    field + " must be at most " + max + " characters"));
        }
        return this;
    }

    /** Single-line text: no control characters at all (no newlines either), and well formed. */
    public Validation noControlCharacters(String value, String field) {
        if (value != null && !isWellFormed(value)) {
            return wellFormed(value, field);
        }
        if (value != null && value.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new InvalidInputException.FieldError(field, "invalid_characters",
                    field + " must not contain control characters"));
        }
        return this;
    }

    /** Rejects NUL and unpaired surrogates, which no database stores faithfully. */
    public Validation wellFormed(String value, String field) {
        if (value != null && !isWellFormed(value)) {
            errors.add(new InvalidInputException.FieldError(field, "invalid_characters",
                    field + " contains characters that cannot be stored (NUL or a broken surrogate pair)"));
        }
        return this;
    }

    static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public void orThrow() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
