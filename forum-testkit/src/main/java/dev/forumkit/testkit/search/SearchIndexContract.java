package dev.forumkit.testkit.search;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.search.SearchDocument;
import dev.forumkit.core.search.SearchHit;
import dev.forumkit.core.search.SearchHits;
import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.core.search.SearchQuery;
import dev.forumkit.core.search.SearchQuery.Sort;
import dev.forumkit.core.search.Segment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every {@link SearchIndex} must do. A subclass supplies a new, empty index per test ({@link #createIndex()})
 * and may close what it opened in {@link #closeIndex}.
 */
public abstract class SearchIndexContract {
    protected static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    protected static final BoardId CYCLING = BoardId.of(1);
    protected static final BoardId JAPAN = BoardId.of(2);
    protected static final MemberId ANN = MemberId.of(1);
    protected static final MemberId KENJI = MemberId.of(2);
    private SearchIndex index;
    private final Map<PostId, String> texts = new HashMap<>();

    /** A new, empty index. */
    protected abstract SearchIndex createIndex();

    /** Called after each test with the index it used; closes it by default. */
    protected void closeIndex(SearchIndex used) {
        used.close();
    }

    @BeforeEach
    final void openContractIndex() {
        index = createIndex();
    }

    @AfterEach
    final void closeContractIndex() {
        closeIndex(index);
    }

    protected SearchIndex index() {
        return index;
    }

    /** A reply (post number 2) in thread 100 + id, by Ann on Cycling, {@code id} minutes after T0. */
    protected static SearchDocument post(long id, String text) {
        return new SearchDocument(PostId.of(id), ThreadId.of(100 + id), CYCLING, ANN, T0.plus(Duration.ofMinutes(id)),
                2, "Thread " + id, text, false, false);
    }

    /** The first post of thread 100 + id, with its title. */
    protected static SearchDocument start(long id, String title, String text) {
        return new SearchDocument(PostId.of(id), ThreadId.of(100 + id), CYCLING, ANN, T0.plus(Duration.ofMinutes(id)),
                1, title, text, false, false);
    }

    private List<Long> ids(SearchQuery q) {
        return index.search(q, 0, 100).hits().stream().map(h -> h.post().value()).toList();
    }

    private void put(SearchDocument... docs) {
        for (SearchDocument d : docs) {
            index.put(d);
            texts.put(d.post(), d.text());
        }
    }

    /** The hit's snippet as the service gets it: from the index, given the text the storage holds for the post. */
    private List<Segment> snippet(SearchQuery q, SearchHit hit) {
        return index.snippet(q, hit, texts.get(hit.post()));
    }

    @Test
    void removeOthersDropsTheEntriesInItsIdRangeThatAreNotKept() {
        put(post(1, "spoke"), post(2, "spoke"), post(3, "spoke"), post(4, "spoke"), post(5, "spoke"), post(7, "spoke"));

        index.removeOthers(PostId.of(1), PostId.of(4), Set.of(PostId.of(3), PostId.of(9)));
        index.commit();
        assertThat(ids(SearchQuery.words("spoke"))).containsExactlyInAnyOrder(1L, 3L, 5L, 7L);

        index.removeOthers(PostId.of(3), null, Set.of(PostId.of(7)));
        index.commit();
        assertThat(ids(SearchQuery.words("spoke"))).containsExactlyInAnyOrder(1L, 3L, 7L);

        index.removeOthers(null, PostId.of(3), Set.of());
        index.commit();
        assertThat(ids(SearchQuery.words("spoke"))).containsExactly(7L);
        assertThat(index.count()).isEqualTo(1);
    }

    @Test
    void findsPostsByAWordWhateverItsCase() {
        put(post(1, "We rode the Gravel path along the river."), post(2, "Road bikes only, please."));

        assertThat(ids(SearchQuery.words("gravel"))).containsExactly(1L);
        assertThat(ids(SearchQuery.words("GRAVEL"))).containsExactly(1L);
        assertThat(ids(SearchQuery.words("tandem"))).isEmpty();
    }

    @Test
    void everyWordMustMatch() {
        put(post(1, "gravel and river"), post(2, "gravel and mountain"), post(3, "river and mountain"));

        assertThat(ids(SearchQuery.words("gravel", "river"))).containsExactly(1L);
    }

    @Test
    void aPhraseMatchesItsWordsInOrderOnly() {
        put(post(1, "The chain ring wore out."), post(2, "A ring for the chain."), post(3, "chain, ring."));

        assertThat(ids(SearchQuery.all().phrase("chain ring"))).containsExactlyInAnyOrder(1L, 3L);
    }

    @Test
    void excludedWordsAndPhrasesDropPosts() {
        put(post(1, "tubeless tyres are great"), post(2, "tubeless tyres burp air"), post(3, "tubeless rims, no tyres"));

        assertThat(ids(SearchQuery.words("tubeless").excluding("burp"))).containsExactlyInAnyOrder(1L, 3L);
        assertThat(ids(SearchQuery.words("tubeless").excluding("tubeless tyres"))).containsExactly(3L);
    }

    @Test
    void aPrefixMatchesWordsStartingWithIt() {
        put(post(1, "My derailleur needs work."), post(2, "Derailed plans."), post(3, "Deer on the road."));

        assertThat(ids(SearchQuery.all().prefix("derail"))).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void filtersByAuthorBoardsAndDates() {
        SearchDocument a = post(1, "ramen after the ride");
        SearchDocument b = new SearchDocument(PostId.of(2), ThreadId.of(102), JAPAN, KENJI, T0.plus(Duration.ofDays(1)),
                3, "Tokyo", "ramen in Tokyo", false, false);
        SearchDocument c = new SearchDocument(PostId.of(3), ThreadId.of(103), JAPAN, ANN, T0.plus(Duration.ofDays(2)),
                2, "Osaka", "ramen in Osaka", false, false);
        put(a, b, c);
        SearchQuery ramen = SearchQuery.words("ramen");

        assertThat(ids(ramen.byAuthor(KENJI))).containsExactly(2L);
        assertThat(ids(ramen.inBoards(Set.of(JAPAN)))).containsExactlyInAnyOrder(2L, 3L);
        assertThat(ids(ramen.inBoards(Set.of(JAPAN, CYCLING)))).containsExactlyInAnyOrder(1L, 2L, 3L);
        // from is inclusive, until exclusive
        assertThat(ids(ramen.between(T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2))))).containsExactly(2L);
        assertThat(ids(ramen.between(T0.plus(Duration.ofDays(1)), null))).containsExactlyInAnyOrder(2L, 3L);
        assertThat(ids(ramen.between(null, T0.plus(Duration.ofDays(1))))).containsExactly(1L);
        assertThat(ids(SearchQuery.all().byAuthor(ANN).inBoards(Set.of(JAPAN)))).containsExactly(3L);
    }

    @Test
    void aThreadTitleIsFoundOnItsFirstPostAndTitlesOnlySearchesNothingElse() {
        put(start(1, "Brompton folding tips", "How do you fold it fast?"),
                post(2, "My brompton is heavy."),
                start(3, "Saddle sores", "Try a brompton saddle."));

        assertThat(ids(SearchQuery.words("folding"))).containsExactly(1L);
        assertThat(ids(SearchQuery.words("brompton"))).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(ids(SearchQuery.words("brompton").titlesOnly(true))).containsExactly(1L);
        assertThat(ids(SearchQuery.words("fast").titlesOnly(true))).isEmpty();
        // one word in the title and one in the text of the same first post
        assertThat(ids(SearchQuery.words("folding", "fast"))).containsExactly(1L);
    }

    @Test
    void sortsByDateNewestFirstOrByRelevance() {
        put(post(1, "cassette cassette cassette: a cassette guide"),
                post(2, "I also want to say something about the weather and my commute, and a cassette, and more."),
                post(3, "nothing to see"));

        assertThat(ids(SearchQuery.words("cassette").sortedBy(Sort.DATE))).containsExactly(2L, 1L);
        assertThat(ids(SearchQuery.words("cassette").sortedBy(Sort.RELEVANCE))).containsExactly(1L, 2L);
        assertThat(ids(SearchQuery.all().byAuthor(ANN))).containsExactly(3L, 2L, 1L);
    }

    @Test
    void pagesCoverEveryHitOnceWithTheTotal() {
        for (long i = 1; i <= 25; i++) {
            index.put(post(i, "spoke number " + i));
        }
        SearchQuery q = SearchQuery.words("spoke").sortedBy(Sort.DATE);
        List<Long> seen = new ArrayList<>();
        for (int offset = 0; offset < 30; offset += 10) {
            SearchHits page = index.search(q, offset, 10);
            assertThat(page.total()).isEqualTo(25);
            page.hits().forEach(h -> seen.add(h.post().value()));
        }
        List<Long> expected = new ArrayList<>();
        for (long i = 25; i >= 1; i--) {
            expected.add(i);
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(index.search(q, 40, 10).hits()).isEmpty();
        assertThat(index.search(q, 40, 10).total()).isEqualTo(25);
    }

    @Test
    void totalsAreExactUpToTheCountedBound() {
        int n = SearchIndex.COUNTED_UP_TO;
        List<SearchDocument> docs = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            docs.add(post(i, i % 2 == 0 ? "spoke even" : "spoke odd"));
        }
        index.putAll(docs);

        for (Sort sort : Sort.values()) {
            SearchHits all = index.search(SearchQuery.words("spoke").sortedBy(sort), 0, 20);
            assertThat(all.exact()).as(sort.name()).isTrue();
            assertThat(all.total()).as(sort.name()).isEqualTo(n);
            SearchHits deep = index.search(SearchQuery.words("spoke").sortedBy(sort), n - 10, 20);
            assertThat(deep.hits()).as(sort.name()).hasSize(10);
            assertThat(deep.total()).as(sort.name()).isEqualTo(n);
            assertThat(deep.exact()).as(sort.name()).isTrue();
        }
        assertThat(index.search(SearchQuery.words("even"), 0, 20).total()).isEqualTo(n / 2);
    }

    @Test
    void moreMatchesThanTheBoundAreExactOrMoreThanTheBoundAndEveryPageIsThere() {
        int n = SearchIndex.COUNTED_UP_TO + 50;
        List<SearchDocument> docs = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            // the oldest posts say "spoke" most often: a bounded ranking still ranks what it ranks by the words
            docs.add(post(i, i == n - 3 ? "spoke spoke spoke spoke spoke" : "spoke number " + i));
        }
        index.putAll(docs);

        for (Sort sort : Sort.values()) {
            SearchQuery q = SearchQuery.words("spoke").sortedBy(sort);
            SearchHits first = index.search(q, 0, 20);
            assertThat(first.hits()).as(sort.name()).hasSize(20);
            if (first.exact()) {
                assertThat(first.total()).as(sort.name()).isEqualTo(n);
            } else {
                assertThat(first.total()).as(sort.name()).isEqualTo(SearchIndex.COUNTED_UP_TO);
            }
            // as deep as anyone may page, a full page of distinct hits
            SearchHits last = index.search(q, SearchIndex.COUNTED_UP_TO - 20, 20);
            assertThat(last.hits()).as(sort.name()).hasSize(20);
            assertThat(last.total()).as(sort.name()).isGreaterThanOrEqualTo(SearchIndex.COUNTED_UP_TO);
        }
        assertThat(index.search(SearchQuery.words("spoke").sortedBy(Sort.DATE), 0, 1).hits().get(0).post().value())
                .isEqualTo(n);
        // the post saying it five times is among the newest: every index ranks it first
        assertThat(index.search(SearchQuery.words("spoke"), 0, 1).hits().get(0).post().value()).isEqualTo(n - 3);
        // a filter that leaves few matches counts them exactly
        SearchHits few = index.search(SearchQuery.words("spoke").between(T0.plus(Duration.ofMinutes(n - 9)), null), 0, 20);
        assertThat(few.exact()).isTrue();
        assertThat(few.total()).isEqualTo(10);
    }

    @Test
    void puttingAPostAgainReplacesItsEntry() {
        put(post(1, "first version mentions carbon"));
        put(post(1, "edited to say aluminium"));

        assertThat(ids(SearchQuery.words("carbon"))).isEmpty();
        assertThat(ids(SearchQuery.words("aluminium"))).containsExactly(1L);
        assertThat(index.count()).isEqualTo(1);
    }

    @Test
    void removedPostsAndThreadsAreNotFound() {
        SearchDocument first = start(1, "Pannier racks", "rack advice wanted");
        SearchDocument reply = new SearchDocument(PostId.of(2), first.thread(), CYCLING, KENJI, T0.plus(Duration.ofHours(1)),
                2, first.threadTitle(), "rack from the shop", false, false);
        put(first, reply, post(3, "rack on a tandem"));

        index.remove(PostId.of(3));
        index.remove(PostId.of(99)); // unknown: nothing happens
        assertThat(ids(SearchQuery.words("rack"))).containsExactlyInAnyOrder(1L, 2L);
        index.removeThread(first.thread());
        assertThat(ids(SearchQuery.words("rack"))).isEmpty();
        assertThat(index.count()).isZero();
    }

    @Test
    void deletedEntriesAreFoundOnlyWhenAskedFor() {
        SearchDocument gone = new SearchDocument(PostId.of(1), ThreadId.of(101), CYCLING, ANN, T0, 2, "T", "spam spam",
                true, false);
        put(gone, post(2, "spam filter"));

        assertThat(ids(SearchQuery.words("spam"))).containsExactly(2L);
        assertThat(ids(SearchQuery.words("spam").includingDeleted(true))).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void updatingAThreadMovesRetitlesAndHidesEveryEntryOfIt() {
        SearchDocument first = start(1, "Old title", "lugged steel frames");
        SearchDocument reply = new SearchDocument(PostId.of(2), first.thread(), CYCLING, KENJI, T0.plus(Duration.ofHours(1)),
                2, first.threadTitle(), "steel is real", true, false);
        put(first, reply, post(3, "steel bolts"));

        index.updateThread(first.thread(), JAPAN, "Steel frame builders", false);
        assertThat(ids(SearchQuery.words("steel").inBoards(Set.of(JAPAN)))).containsExactly(1L);
        assertThat(ids(SearchQuery.words("steel").inBoards(Set.of(JAPAN)).includingDeleted(true)))
                .containsExactlyInAnyOrder(1L, 2L);
        assertThat(ids(SearchQuery.words("builders").titlesOnly(true))).containsExactly(1L);
        assertThat(ids(SearchQuery.words("old").titlesOnly(true))).isEmpty();

        index.updateThread(first.thread(), JAPAN, "Steel frame builders", true);
        assertThat(ids(SearchQuery.words("steel"))).containsExactly(3L);
        index.updateThread(first.thread(), CYCLING, "Steel frame builders", false);
        // a restored thread brings back its visible posts only: the deleted reply stays deleted
        assertThat(ids(SearchQuery.words("steel"))).containsExactlyInAnyOrder(1L, 3L);
    }

    @Test
    void findsAJapaneseWordInsideAJapaneseSentence() {
        put(post(1, "昨日、東京の自転車屋さんでパンクを修理してもらいました。"),
                post(2, "大阪でラーメンを食べました。"),
                start(3, "京都のサイクリングロード", "桂川に沿って走ります。"));

        assertThat(ids(SearchQuery.words("自転車"))).containsExactly(1L);
        assertThat(ids(SearchQuery.words("修理"))).containsExactly(1L);
        assertThat(ids(SearchQuery.words("ラーメン"))).containsExactly(2L);
        assertThat(ids(SearchQuery.words("サイクリング").titlesOnly(true))).containsExactly(3L);
        assertThat(ids(SearchQuery.words("名古屋"))).isEmpty();
        SearchHit hit = index.search(SearchQuery.words("自転車"), 0, 1).hits().get(0);
        assertThat(highlighted(snippet(SearchQuery.words("自転車"), hit))).contains("自転車");
    }

    @Test
    void findsOtherScriptsAndMixedText() {
        put(post(1, "Велосипед and καλημέρα, then a Tokyo東京 mix"), post(2, "plain english"));

        assertThat(ids(SearchQuery.words("велосипед"))).containsExactly(1L);
        assertThat(ids(SearchQuery.words("ΚΑΛΗΜΈΡΑ"))).containsExactly(1L);
        assertThat(ids(SearchQuery.words("東京"))).containsExactly(1L);
    }

    @Test
    void stemsEnglishWordsWhenTheIndexSaysItDoes() {
        assumeTrue(index.stemsEnglish(), "this index does not stem");
        put(post(1, "She rides two bicycles to work."), post(2, "A riddle."));

        assertThat(ids(SearchQuery.words("riding"))).containsExactly(1L);
        assertThat(ids(SearchQuery.words("bicycle"))).containsExactly(1L);
    }

    @Test
    void snippetsArePlainTextPiecesOfThePostWithTheMatchesHighlighted() {
        String text = "Intro. " + "filler words here. ".repeat(30) + "Then <b>the</b> Gravel & <script>x</script> part. "
                + "more filler. ".repeat(30);
        put(post(1, text), start(2, "Gravel <i>race</i>", "about the race"));

        SearchHit hit = index.search(SearchQuery.words("gravel"), 0, 10).hits().stream()
                .filter(h -> h.post().value() == 1).findFirst().orElseThrow();
        List<Segment> snippet = snippet(SearchQuery.words("gravel"), hit);
        assertThat(highlighted(snippet)).allMatch(s -> s.equalsIgnoreCase("gravel"));
        assertThat(highlighted(snippet)).isNotEmpty();
        String shown = Segment.text(snippet);
        assertThat(shown).contains("<b>the</b> Gravel & <script>x</script>");
        assertThat(shown.length()).isLessThan(text.length());
        SearchHit titled = index.search(SearchQuery.words("gravel").titlesOnly(true), 0, 1).hits().get(0);
        assertThat(Segment.text(titled.title())).isEqualTo("Gravel <i>race</i>");
        assertThat(highlighted(titled.title())).containsExactly("Gravel");
    }

    @Test
    void aSnippetWithoutMatchesInTheTextStartsAtTheBeginning() {
        put(start(1, "Carbon forks", "Start of the text. " + "Long enough. ".repeat(40)));

        SearchHit hit = index.search(SearchQuery.words("carbon"), 0, 1).hits().get(0);
        assertThat(Segment.text(snippet(SearchQuery.words("carbon"), hit))).startsWith("Start of the text.");
        assertThat(snippet(SearchQuery.words("carbon"), hit)).noneMatch(Segment::highlighted);
    }

    @Test
    void clearEmptiesTheIndex() {
        put(post(1, "one"), post(2, "two"));
        assertThat(index.count()).isEqualTo(2);

        index.clear();

        assertThat(index.count()).isZero();
        assertThat(ids(SearchQuery.all())).isEmpty();
        put(post(3, "three"));
        assertThat(ids(SearchQuery.words("three"))).containsExactly(3L);
    }

    @Test
    void aBatchIsIndexedLikeSinglePuts() {
        List<SearchDocument> batch = new ArrayList<>();
        for (long i = 1; i <= 50; i++) {
            batch.add(post(i, "batch item " + i));
        }
        index.putAll(batch);

        assertThat(index.count()).isEqualTo(50);
        assertThat(index.search(SearchQuery.words("batch"), 0, 5).total()).isEqualTo(50);
        assertThat(ids(SearchQuery.words("item", "17"))).containsExactly(17L);
    }

    @Test
    void wordsAreNotEngineSyntax() {
        put(post(1, "what about c++ and foo:bar or (brackets)?"), post(2, "AND OR NOT"));

        assertThat(ids(SearchQuery.words("foo:bar"))).containsExactly(1L);
        assertThat(ids(SearchQuery.words("(brackets)"))).containsExactly(1L);
        assertThat(ids(SearchQuery.words("NOT"))).containsExactly(2L);
        assertThat(ids(SearchQuery.all().phrase("c++ and"))).containsExactly(1L);
    }

    private static List<String> highlighted(List<Segment> segments) {
        return segments.stream().filter(Segment::highlighted).map(Segment::text).toList();
    }
}
