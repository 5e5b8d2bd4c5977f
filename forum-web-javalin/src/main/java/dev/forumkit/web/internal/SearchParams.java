package dev.forumkit.web.internal;

import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.InvalidInputException.FieldError;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.search.SearchQuery;
import dev.forumkit.core.search.SearchRequest;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a search from the query string, the same for the page and the API: {@code q}, {@code author} (a username),
 * {@code board} (repeatable board ids), {@code from} and {@code to} (yyyy-mm-dd), {@code titles} (true/1/on),
 * {@code sort} (relevance or date) and {@code page}. A malformed value is its field's error.
 */
public final class SearchParams {
    private SearchParams() {
    }

    /** True when the query string asks for a search (otherwise a page shows just the form). */
    public static boolean asked(Context ctx) {
        return ctx.queryParam("q") != null || ctx.queryParam("author") != null;
    }

    public static SearchRequest read(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        Set<BoardId> boards = new LinkedHashSet<>();
        for (String b : ctx.queryParams("board")) {
            if (b.isBlank()) {
                continue;
            }
            try {
                boards.add(BoardId.of(Long.parseLong(b.strip())));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("board", "invalid", "a board is given by its number"));
            }
        }
        LocalDate from = date(ctx.queryParam("from"), "from", errors);
        LocalDate to = date(ctx.queryParam("to"), "to", errors);
        SearchQuery.Sort sort = SearchQuery.Sort.RELEVANCE;
        String s = ctx.queryParam("sort");
        if (s != null && !s.isBlank()) {
            switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "relevance" -> sort = SearchQuery.Sort.RELEVANCE;
                case "date" -> sort = SearchQuery.Sort.DATE;
                default -> errors.add(new FieldError("sort", "invalid", "sort by relevance or date"));
            }
        }
        int page = 1;
        String p = ctx.queryParam("page");
        if (p != null && !p.isBlank()) {
            try {
                page = Integer.parseInt(p.strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldError("page", "invalid", "a page is a number"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String titles = ctx.queryParam("titles");
        boolean titlesOnly = titles != null && List.of("1", "true", "on", "yes").contains(titles.strip().toLowerCase(Locale.ROOT));
        return new SearchRequest(ctx.queryParam("q"), ctx.queryParam("author"), boards, from, to, titlesOnly, sort, page);
    }

    private static LocalDate date(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "invalid", "a date is written yyyy-mm-dd"));
            return null;
        }
    }
}
