package dev.forumkit.core.search;

import dev.forumkit.core.board.BoardId;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A search as a person asks for it: the text typed into the box, and the advanced form's fields (each may be left
 * empty). Dates are whole days in UTC, both included.
 *
 * @param author a member's username, or null
 * @param page   from 1
 */
public record SearchRequest(String text, String author, Set<BoardId> boards, LocalDate from, LocalDate to,
                            boolean titlesOnly, SearchQuery.Sort sort, int page) {
    public SearchRequest {
        text = text == null ? "" : text;
        author = author == null || author.isBlank() ? null : author.strip();
        boards = boards == null ? Set.of() : Set.copyOf(boards);
        sort = Objects.requireNonNullElse(sort, SearchQuery.Sort.RELEVANCE);
    }

    /** Just the words, first page, best first. */
    public static SearchRequest of(String text) {
        return new SearchRequest(text, null, Set.of(), null, null, false, SearchQuery.Sort.RELEVANCE, 1);
    }

    public SearchRequest page(int n) {
        return new SearchRequest(text, author, boards, from, to, titlesOnly, sort, n);
    }
}
