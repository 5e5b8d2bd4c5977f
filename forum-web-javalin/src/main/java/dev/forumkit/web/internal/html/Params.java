package dev.forumkit.web.internal.html;

import dev.forumkit.web.internal.Call;
import dev.forumkit.web.internal.HttpProblem;

/** Reads the {@code slug.id} and {@code page-n} parts of page addresses; anything malformed names nothing (404). */
public final class Params {
    private Params() {
    }

    /** The id after the last dot of a {@code slug.id} segment (a bare id works too). */
    public static long id(Call call, String param) {
        String raw = call.ctx().pathParam(param);
        String digits = raw.substring(raw.lastIndexOf('.') + 1);
        try {
            long id = Long.parseLong(digits);
            if (id > 0 && digits.chars().allMatch(Character::isDigit)) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to not found
        }
        throw HttpProblem.notFound("there is no such " + param);
    }

    /** The slug before the last dot, or "" for a bare id. */
    public static String slug(Call call, String param) {
        String raw = call.ctx().pathParam(param);
        int dot = raw.lastIndexOf('.');
        return dot < 0 ? "" : raw.substring(0, dot);
    }

    /** The n of {@code page-n}, 1 on routes without it. */
    public static int page(Call call) {
        if (!call.ctx().pathParamMap().containsKey("page")) {
            return 1;
        }
        String raw = call.ctx().pathParam("page");
        try {
            int n = Integer.parseInt(raw);
            if (n >= 1 && raw.chars().allMatch(Character::isDigit)) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw HttpProblem.notFound("there is no such page");
    }

    /** A numeric form field, or null when blank; a malformed one is the named field's error. */
    static Long number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
