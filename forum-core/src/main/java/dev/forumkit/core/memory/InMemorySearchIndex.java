package dev.forumkit.core.memory;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.search.SearchDocument;
import dev.forumkit.core.search.SearchHit;
import dev.forumkit.core.search.SearchHits;
import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.core.search.SearchQuery;
import dev.forumkit.core.search.Snippets;
import dev.forumkit.core.search.Snippets.Range;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A search index in a map, scanned on every search: for tests, demos and small forums on the in-memory storage.
 * Words are runs of letters and digits compared without case; each Chinese, Japanese or Korean character is a word
 * of its own, so a CJK word matches as the phrase of its characters. It does not stem. It ranks every match, and
 * says "more than 1,000" past {@link #COUNTED_UP_TO} as the engines do.
 */
public final class InMemorySearchIndex implements SearchIndex {
    private final Map<PostId, Entry> entries = new HashMap<>();

    private record Entry(SearchDocument doc, List<WordTokens.Token> text, List<WordTokens.Token> title) {
        static Entry of(SearchDocument doc) {
            return new Entry(doc, WordTokens.of(doc.text()),
                    doc.threadStart() ? WordTokens.of(doc.threadTitle()) : List.of());
        }
    }

    @Override
    public synchronized void put(SearchDocument document) {
        entries.put(document.post(), Entry.of(document));
    }

    @Override
    public synchronized void remove(PostId post) {
        entries.remove(post);
    }

    @Override
    public synchronized void updateThread(ThreadId thread, BoardId board, String title, boolean deleted) {
        for (Entry e : List.copyOf(entries.values())) {
            if (e.doc().thread().equals(thread)) {
                entries.put(e.doc().post(), Entry.of(e.doc().withThread(board, title, deleted)));
            }
        }
    }

    @Override
    public synchronized void removeThread(ThreadId thread) {
        entries.values().removeIf(e -> e.doc().thread().equals(thread));
    }

    @Override
    public synchronized void removeOthers(PostId after, PostId upTo, Set<PostId> kept) {
        entries.keySet().removeIf(id -> (after == null || id.value() > after.value())
                && (upTo == null || id.value() <= upTo.value()) && !kept.contains(id));
    }

    @Override
    public synchronized SearchHits search(SearchQuery q, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        List<Scored> found = new ArrayList<>();
        for (Entry e : entries.values()) {
            Scored s = match(e, q);
            if (s != null) {
                found.add(s);
            }
        }
        Comparator<Scored> newest = Comparator.comparing((Scored s) -> s.entry.doc().createdAt())
                .thenComparingLong(s -> s.entry.doc().post().value()).reversed();
        found.sort(q.sort() == SearchQuery.Sort.DATE ? newest
                : Comparator.comparingDouble((Scored s) -> -s.score).thenComparing(newest));
        List<SearchHit> hits = new ArrayList<>();
        for (int i = offset; i < found.size() && hits.size() < limit; i++) {
            Scored s = found.get(i);
            SearchDocument d = s.entry.doc();
            hits.add(new SearchHit(d.post(), s.score, Snippets.around(d.text(), s.textMatches),
                    d.threadStart() ? Snippets.whole(d.threadTitle(), s.titleMatches) : List.of()));
        }
        // counted in full, but told as the engines tell it, so what runs on this index shows what production shows
        return found.size() > COUNTED_UP_TO ? SearchHits.moreThanCounted(hits) : new SearchHits(hits, found.size());
    }

    private record Scored(Entry entry, double score, List<Range> textMatches, List<Range> titleMatches) {
    }

    private static Scored match(Entry e, SearchQuery q) {
        SearchDocument d = e.doc();
        if (!q.includeDeleted() && !d.visible()
                || q.author() != null && !q.author().equals(d.author())
                || !q.boards().isEmpty() && !q.boards().contains(d.board())
                || q.from() != null && d.createdAt().isBefore(q.from())
                || q.until() != null && !d.createdAt().isBefore(q.until())
                || q.titlesOnly() && !d.threadStart()) {
            return null;
        }
        List<WordTokens.Token> text = q.titlesOnly() ? List.of() : e.text();
        for (String x : q.excluded()) {
            List<String> words = WordTokens.words(x);
            if (!WordTokens.find(text, words, false).isEmpty() || !WordTokens.find(e.title(), words, false).isEmpty()) {
                return null;
            }
        }
        List<Range> inText = new ArrayList<>();
        List<Range> inTitle = new ArrayList<>();
        double score = 0;
        for (String term : q.words()) {
            score += addMatches(text, e.title(), WordTokens.words(term), false, inText, inTitle);
        }
        for (String term : q.phrases()) {
            score += addMatches(text, e.title(), WordTokens.words(term), false, inText, inTitle);
        }
        for (String term : q.prefixes()) {
            score += addMatches(text, e.title(), WordTokens.words(term), true, inText, inTitle);
        }
        if (score < 0) {
            return null;
        }
        // shorter texts with the same matches rank higher, roughly as term frequency over length does in real engines
        return new Scored(e, q.hasTerms() ? score / Math.sqrt(1 + text.size()) : 0, inText, inTitle);
    }

    /** Adds a term's matches and returns its weight (title matches count thrice), or a large negative number if none. */
    private static double addMatches(List<WordTokens.Token> text, List<WordTokens.Token> title, List<String> words,
                                     boolean prefix, List<Range> inText, List<Range> inTitle) {
        if (words.isEmpty()) {
            return 0;
        }
        List<Range> t = WordTokens.find(text, words, prefix);
        List<Range> h = WordTokens.find(title, words, prefix);
        inText.addAll(t);
        inTitle.addAll(h);
        return t.isEmpty() && h.isEmpty() ? -1e9 : t.size() + 3.0 * h.size();
    }

    @Override
    public synchronized void clear() {
        entries.clear();
    }

    @Override
    public synchronized long count() {
        return entries.size();
    }

    @Override
    public boolean stemsEnglish() {
        return false;
    }
}
