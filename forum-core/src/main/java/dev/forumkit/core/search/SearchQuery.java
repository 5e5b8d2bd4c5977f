package dev.forumkit.core.search;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed search: every word, phrase and prefix must match (in the text, or the title of a thread's first post),
 * no excluded word or phrase may; the filters narrow further. A word an engine splits into several tokens
 * ("e-mail", a Japanese word) matches as a phrase of them. Without any word, phrase or prefix every entry passing
 * the filters matches. Made by {@link QueryText#parse} from what people type, or directly by code and tests.
 *
 * @param from           entries created at or after it, or null
 * @param until          entries created before it, or null
 * @param titlesOnly     match words against thread titles only (so only threads' first posts are found)
 * @param includeDeleted also entries whose post or thread is deleted (for viewers who may see deleted content)
 */
public record SearchQuery(List<String> words, List<String> phrases, List<String> prefixes, List<String> excluded,
                          MemberId author, Set<BoardId> boards, Instant from, Instant until, boolean titlesOnly,
                          boolean includeDeleted, Sort sort) {
    /** How hits are ordered; ties go to the newer post. */
    public enum Sort {
        RELEVANCE, DATE
    }

    public SearchQuery {
        words = clean(words, "words");
        phrases = clean(phrases, "phrases");
        prefixes = clean(prefixes, "prefixes");
        excluded = clean(excluded, "excluded");
        boards = Set.copyOf(boards);
        Objects.requireNonNull(sort, "sort");
        if (from != null && until != null && !from.isBefore(until)) {
            throw new IllegalArgumentException("the date range is empty: " + from + " to " + until);
        }
    }

    /** Every entry, newest first: the start for filter-only searches. */
    public static SearchQuery all() {
        return new SearchQuery(List.of(), List.of(), List.of(), List.of(), null, Set.of(), null, null, false, false, Sort.DATE);
    }

    /** Entries with every one of these words, best first. */
    public static SearchQuery words(String... words) {
        return all().with(List.of(words), List.of(), List.of(), List.of()).sortedBy(Sort.RELEVANCE);
    }

    public SearchQuery with(List<String> newWords, List<String> newPhrases, List<String> newPrefixes, List<String> newExcluded) {
        return new SearchQuery(newWords, newPhrases, newPrefixes, newExcluded, author, boards, from, until, titlesOnly, includeDeleted, sort);
    }

    public SearchQuery phrase(String phrase) {
        return with(words, append(phrases, phrase), prefixes, excluded);
    }

    public SearchQuery prefix(String prefix) {
        return with(words, phrases, append(prefixes, prefix), excluded);
    }

    public SearchQuery excluding(String wordOrPhrase) {
        return with(words, phrases, prefixes, append(excluded, wordOrPhrase));
    }

    public SearchQuery byAuthor(MemberId member) {
        return new SearchQuery(words, phrases, prefixes, excluded, member, boards, from, until, titlesOnly, includeDeleted, sort);
    }

    public SearchQuery inBoards(Set<BoardId> value) {
        return new SearchQuery(words, phrases, prefixes, excluded, author, value, from, until, titlesOnly, includeDeleted, sort);
    }

    public SearchQuery between(Instant newFrom, Instant newUntil) {
        return new SearchQuery(words, phrases, prefixes, excluded, author, boards, newFrom, newUntil, titlesOnly, includeDeleted, sort);
    }

    public SearchQuery titlesOnly(boolean value) {
        return new SearchQuery(words, phrases, prefixes, excluded, author, boards, from, until, value, includeDeleted, sort);
    }

    public SearchQuery includingDeleted(boolean value) {
        return new SearchQuery(words, phrases, prefixes, excluded, author, boards, from, until, titlesOnly, value, sort);
    }

    public SearchQuery sortedBy(Sort value) {
        return new SearchQuery(words, phrases, prefixes, excluded, author, boards, from, until, titlesOnly, includeDeleted, value);
    }

    /** True when some word, phrase or prefix must match (else only the filters choose). */
    public boolean hasTerms() {
        return !words.isEmpty() || !phrases.isEmpty() || !prefixes.isEmpty();
    }

    /** Every word, phrase and prefix that must match, for highlighting. */
    public List<String> positiveTerms() {
        List<String> all = new java.util.ArrayList<>(words);
        all.addAll(phrases);
        all.addAll(prefixes);
        return all;
    }

    private static List<String> append(List<String> list, String value) {
        List<String> copy = new java.util.ArrayList<>(list);
        copy.add(value);
        return copy;
    }

    private static List<String> clean(List<String> values, String what) {
        Objects.requireNonNull(values, what);
        for (String v : values) {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
        }
        return List.copyOf(values);
    }
}
