package dev.forumkit.testkit.contract;

import dev.forumkit.core.Actor;
import dev.forumkit.core.ConflictException;
import dev.forumkit.core.ForumConfig;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.audit.AuditAction;
import dev.forumkit.core.audit.AuditFilter;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.GrantValue;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.core.search.SearchRebuildStatus;
import dev.forumkit.testkit.search.InMemorySearchGenerations;
import dev.forumkit.testkit.search.InterruptingSearchIndex;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.memory.InMemorySearchIndex;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.search.QueryText;
import dev.forumkit.core.search.SearchDocument;
import dev.forumkit.core.search.SearchQuery;
import dev.forumkit.core.search.SearchRebuild;
import dev.forumkit.core.search.SearchRequest;
import dev.forumkit.core.search.SearchResult;
import dev.forumkit.core.search.SearchResults;
import dev.forumkit.core.search.Segment;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Searching through {@code forum.search()} over the storage under test, with the default in-memory index fed by the
 * outbox consumer {@code search}: what is found after each kind of write, what each viewer may see (by the storage's
 * state, at once, not by the index), bad input, and rebuilding the index from the storage.
 */
public abstract class SearchingContract extends ContractBase {
    /** Online rebuilds build in-memory indexes (the forum's index is outside the storage unless a subclass says so). */
    protected final InMemorySearchGenerations generations = new InMemorySearchGenerations();

    @Override
    protected void configure(ForumConfig config) {
        config.searchGenerations(generations);
    }

    private List<PostId> inIndex(String word) {
        return forum.search().index().search(SearchQuery.words(word), 0, 50).hits().stream().map(h -> h.post()).toList();
    }

    @Test
    void anAdminRebuildsTheIndexWhileTheForumServesAndTheStartIsAudited() {
        assumeTrue(rebuildsBeside(), "this index is rebuilt in place");
        Member ann = fx().member("ann");
        StartedThread t = fx().thread().by(ann).titled("Dynamo lights").body("A hub dynamo powers the lamp.").start();
        forum.outbox().drain();
        var before = forum.search().index();
        assertThatThrownBy(() -> forum.search().rebuilds().rebuild(actor(ann))).isInstanceOf(NotAllowedException.class);

        SearchRebuildStatus done = forum.search().rebuilds().rebuild(actor(fx().admin()));

        assertThat(done.state()).isEqualTo(SearchRebuildStatus.State.DONE);
        assertThat(done.written()).isEqualTo(done.total()).isPositive();
        assertThat(forum.search().rebuilds().status(actor(fx().admin())).state()).isEqualTo(SearchRebuildStatus.State.DONE);
        assertThat(generations.promoted).hasSize(1);
        assertThat(forum.search().index().count()).isEqualTo(before.count());
        assertThat(found(null, "dynamo")).containsExactly(t.first().id());
        // the consumer now writes the new index
        Post reply = fx().reply(ann, t.id(), "Mine hums at speed.");
        forum.outbox().drain();
        assertThat(found(null, "hums")).containsExactly(reply.id());
        assertThat(forum.audit().list(actor(fx().admin()), AuditFilter.ALL, 1).items())
                .anySatisfy(l -> assertThat(l.entry().action()).isEqualTo(AuditAction.SEARCH_REBUILD));
    }

    @Test
    void writesDuringARebuildAreInTheNewIndexAndADeletedPostIsNotFoundAfterTheSwap() {
        assumeTrue(rebuildsBeside(), "this index is rebuilt in place");
        Member ann = fx().member("ann");
        StartedThread t = fx().thread().by(ann).titled("Selling a frame").body("Steel frame, size 56.").start();
        Post spam = fx().reply(fx().member("spammer"), t.id(), "cheap watches here");
        forum.outbox().drain();
        List<List<PostId>> duringRebuild = new ArrayList<>();
        Post[] late = new Post[1];
        // the rebuild has read every post (the spam as it was) and is about to write them: the forum moves on
        generations.wrapNext(fresh -> new InterruptingSearchIndex(fresh, () -> {
            forum.posts().delete(actor(fx().moderator()), spam.id(), "spam");
            late[0] = fx().reply(ann, t.id(), "Price drop: the frame is cheaper now.");
            forum.outbox().drain();
            duringRebuild.add(found(null, "cheaper"));
            duringRebuild.add(found(null, "frame"));
            assertThatThrownBy(() -> forum.search().rebuilds().rebuild(actor(fx().admin())))
                    .isInstanceOf(ConflictException.class);
        }));

        forum.search().rebuilds().rebuild(actor(fx().admin()));

        // meanwhile the live index answered, with the writes the consumer gave it
        assertThat(duringRebuild.get(0)).containsExactly(late[0].id());
        assertThat(duringRebuild.get(1)).contains(t.first().id(), late[0].id());
        // the rebuild wrote the spam as it had read it, after the consumer wrote the delete: caught up before the swap
        assertThat(inIndex("watches")).isEmpty();
        assertThat(found(fx().moderator(), "watches")).containsExactly(spam.id());
        assertThat(found(null, "cheaper")).containsExactly(late[0].id());
        assertThat(found(null, "frame")).containsExactlyInAnyOrder(t.first().id(), late[0].id());
    }

    @Test
    void aFailedRebuildLeavesTheLiveIndexAndTheNextOneWorks() {
        assumeTrue(rebuildsBeside(), "this index is rebuilt in place");
        StartedThread t = fx().thread().by(fx().member("ann")).body("Brooks saddles need proofing.").start();
        forum.outbox().drain();
        generations.wrapNext(fresh -> new InterruptingSearchIndex(fresh, () -> {
            throw new IllegalStateException("disk full");
        }));

        SearchRebuildStatus failed = forum.search().rebuilds().rebuild(actor(fx().admin()));

        assertThat(failed.state()).isEqualTo(SearchRebuildStatus.State.FAILED);
        assertThat(failed.error()).contains("disk full");
        assertThat(generations.discarded).hasSize(1);
        assertThat(generations.promoted).isEmpty();
        assertThat(found(null, "saddles")).containsExactly(t.first().id());
        Post reply = fx().reply(fx().member("kenji"), t.id(), "Proofing saddles with wax.");
        forum.outbox().drain();
        assertThat(forum.search().rebuilds().rebuild(actor(fx().admin())).state()).isEqualTo(SearchRebuildStatus.State.DONE);
        assertThat(found(null, "saddles")).containsExactlyInAnyOrder(t.first().id(), reply.id());
    }

    @Test
    void aHiddenBoardsPostIsNeverFoundByThoseWhoMayNotSeeItBeforeDuringOrAfterARebuild() {
        assumeTrue(rebuildsBeside(), "this index is rebuilt in place");
        Member admin = fx().admin();
        Board secret = fx().board("Secret plans");
        for (GroupId g : List.of(GroupId.GUESTS, GroupId.MEMBERS)) {
            forum.permissions().set(actor(admin), new Grant(Grant.Subject.group(g), Grant.Scope.board(secret.id()),
                    Permission.VIEW_BOARD, GrantValue.DENY));
        }
        Member ann = fx().member("ann");
        StartedThread hidden = fx().thread().by(admin).in(secret).titled("Launch").body("The tandem launch is in May.").start();
        StartedThread open = fx().thread().by(ann).titled("Tandems").body("Who rides a tandem?").start();
        forum.outbox().drain();
        List<List<PostId>> duringRebuild = new ArrayList<>();
        generations.wrapNext(fresh -> new InterruptingSearchIndex(fresh, () -> {
            fx().reply(admin, hidden.id(), "The tandem has a new fork.");
            forum.outbox().drain();
            duringRebuild.add(found(null, "tandem"));
            duringRebuild.add(found(ann, "tandem"));
        }));

        assertThat(found(ann, "tandem")).containsExactly(open.first().id());
        forum.search().rebuilds().rebuild(actor(admin));

        assertThat(duringRebuild).allSatisfy(ids -> assertThat(ids).containsExactly(open.first().id()));
        assertThat(found(null, "tandem")).containsExactly(open.first().id());
        assertThat(found(ann, "tandem")).containsExactly(open.first().id());
        assertThat(search(ann, "tandem").results().total()).isEqualTo(1);
        assertThat(found(admin, "tandem")).hasSize(3);
    }

    /** True when an online rebuild builds a new index beside the live one (the tests above watch that new index). */
    private boolean rebuildsBeside() {
        return forum.search().rebuilds().available() && !forum.search().rebuilds().inPlace();
    }

    @Test
    void aRebuildInPlaceRepairsTheIndexAndSearchesBetweenItsBatchesFindWhatTheStorageHolds() {
        Member ann = fx().member("ann");
        Member kenji = fx().member("kenji");
        Member moderator = fx().moderator();
        StartedThread t = fx().thread().by(ann).titled("Dynamo lights").body("A hub dynamo powers the lamp.").start();
        Post lost = fx().reply(kenji, t.id(), "My dynamo hums at speed.");
        Post spam = fx().reply(fx().member("spammer"), t.id(), "cheap dynamo watches here");
        Post edited = fx().reply(ann, t.id(), "A bottle dynamo slips in the rain.");
        Post kept = fx().reply(kenji, t.id(), "The dynamo hub is worth it.");
        forum.outbox().drain();
        var index = forum.search().index();
        // what a rebuild is for: the index lost an entry and holds one of a post the storage never had
        index.remove(lost.id());
        PostId ghost = PostId.of(kept.id().value() + 1000);
        index.put(new SearchDocument(ghost, t.id(), t.boardId(), ann.id(), kept.createdAt(), 99, "Dynamo lights",
                "a dynamo ghost", false, false));
        assertThat(inIndex("dynamo")).contains(ghost).doesNotContain(lost.id());
        List<List<PostId>> between = new ArrayList<>();
        Post[] late = new Post[1];

        long written = new SearchRebuild(storage, index).inPlace(2, new SearchRebuild.Progress() {
            @Override
            public void total(long posts) {
            }

            @Override
            public void committed(long n, PostId last) {
                if (late[0] == null) { // after the first batch (which restored the lost entry) the forum moves on
                    forum.posts().delete(actor(moderator), spam.id(), "spam");
                    forum.posts().edit(actor(ann), edited.id(), "A bottle generator slips in the rain.");
                    late[0] = fx().reply(kenji, t.id(), "Another dynamo question.");
                    forum.outbox().drain();
                }
                between.add(found(null, "dynamo"));
            }
        });

        List<PostId> right = List.of(t.first().id(), lost.id(), kept.id(), late[0].id());
        assertThat(between).hasSize(3).allSatisfy(ids -> assertThat(ids).containsExactlyInAnyOrderElementsOf(right));
        assertThat(written).isEqualTo(6);
        assertThat(inIndex("dynamo")).containsExactlyInAnyOrderElementsOf(right); // the ghost is gone
        assertThat(index.count()).isEqualTo(6);
        assertThat(inIndex("generator")).containsExactly(edited.id());
        assertThat(found(moderator, "watches")).containsExactly(spam.id());
        assertThat(found(null, "watches")).isEmpty();
    }

    @Test
    void anAdminRebuildsAnIndexInTheStorageInPlaceAndTheStartIsAudited() {
        assumeTrue(forum.search().rebuilds().inPlace(), "this index is rebuilt beside the live one");
        Member ann = fx().member("ann");
        StartedThread t = fx().thread().by(ann).titled("Dynamo lights").body("A hub dynamo powers the lamp.").start();
        forum.outbox().drain();
        forum.search().index().remove(t.first().id());
        assertThat(found(null, "dynamo")).isEmpty();
        assertThatThrownBy(() -> forum.search().rebuilds().rebuild(actor(ann))).isInstanceOf(NotAllowedException.class);

        SearchRebuildStatus done = forum.search().rebuilds().rebuild(actor(fx().admin()));

        assertThat(done.state()).isEqualTo(SearchRebuildStatus.State.DONE);
        assertThat(done.written()).isEqualTo(1);
        assertThat(found(null, "dynamo")).containsExactly(t.first().id());
        Post reply = fx().reply(ann, t.id(), "Mine hums at speed.");
        forum.outbox().drain();
        assertThat(found(null, "hums")).containsExactly(reply.id());
        assertThat(forum.audit().list(actor(fx().admin()), AuditFilter.ALL, 1).items())
                .anySatisfy(l -> assertThat(l.entry().action()).isEqualTo(AuditAction.SEARCH_REBUILD));
    }

    private SearchResults search(Member viewer, String text) {
        return forum.search().search(viewer == null ? Actor.guest() : actor(viewer), SearchRequest.of(text));
    }

    private List<PostId> found(Member viewer, String text) {
        return search(viewer, text).results().items().stream().map(r -> r.post().id()).toList();
    }

    @Test
    void findsAReplyOnceTheOutboxDeliveredIt() {
        Member ann = fx().member("ann");
        StartedThread t = fx().thread().by(ann).titled("Gravel routes near Kyoto").body("Where to ride?").start();
        Post reply = fx().reply(fx().member("kenji"), t.id(), "The Kamo river path is smooth gravel.");
        assertThat(found(null, "kamo")).isEmpty(); // not delivered yet

        forum.outbox().drain();

        SearchResults results = search(null, "kamo river");
        assertThat(results.results().items()).hasSize(1);
        SearchResult r = results.results().items().get(0);
        assertThat(r.post().id()).isEqualTo(reply.id());
        assertThat(r.post().number()).isEqualTo(2);
        assertThat(r.thread().title()).isEqualTo("Gravel routes near Kyoto");
        assertThat(r.board().id()).isEqualTo(fx().board().id());
        assertThat(r.author().username()).isEqualTo("kenji");
        assertThat(r.snippet()).filteredOn(Segment::highlighted).extracting(Segment::text).contains("Kamo", "river");
        assertThat(results.results().total()).isEqualTo(1);
        assertThat(found(null, "gravel")).containsExactlyInAnyOrder(t.first().id(), reply.id());
        SearchResult start = search(null, "kyoto").results().items().get(0);
        assertThat(start.post().id()).isEqualTo(t.first().id());
        assertThat(start.title()).filteredOn(Segment::highlighted).extracting(Segment::text).containsExactly("Kyoto");
    }

    @Test
    void anEditReplacesWhatIsFound() {
        Member ann = fx().member("ann");
        StartedThread t = fx().thread().by(ann).body("I run tubular tyres.").start();
        forum.outbox().drain();
        forum.posts().edit(actor(ann), t.first().id(), "I switched to clincher tyres.");
        forum.outbox().drain();

        assertThat(found(null, "tubular")).isEmpty();
        assertThat(found(null, "clincher")).containsExactly(t.first().id());
    }

    @Test
    void deletedPostsAndThreadsAreHiddenAtOnceFromThoseWhoMayNotSeeThem() {
        Member ann = fx().member("ann");
        StartedThread t = fx().thread().by(ann).body("Selling a frame").start();
        Post spam = fx().reply(fx().member("spammer"), t.id(), "cheap watches here");
        forum.outbox().drain();

        forum.posts().delete(actor(fx().moderator()), spam.id(), "spam");
        // before the index hears of it: filtered by the storage
        assertThat(found(null, "watches")).isEmpty();
        assertThat(found(ann, "watches")).isEmpty();
        forum.outbox().drain();
        assertThat(found(null, "watches")).isEmpty();
        assertThat(found(fx().moderator(), "watches")).containsExactly(spam.id());

        forum.posts().restore(actor(fx().moderator()), spam.id());
        forum.outbox().drain();
        assertThat(found(null, "watches")).containsExactly(spam.id());

        forum.threads().delete(actor(fx().moderator()), t.id(), "sold");
        assertThat(found(null, "frame")).isEmpty();
        forum.outbox().drain();
        assertThat(found(null, "watches")).isEmpty();
        assertThat(found(fx().admin(), "frame")).containsExactly(t.first().id());
        forum.threads().restore(actor(fx().moderator()), t.id());
        forum.outbox().drain();
        assertThat(found(null, "frame")).containsExactly(t.first().id());
    }

    @Test
    void aMovedThreadIsFoundInItsNewBoard() {
        Board touring = fx().board("Touring");
        StartedThread t = fx().thread().titled("Panniers").body("front or rear racks?").start();
        forum.outbox().drain();
        forum.threads().move(actor(fx().moderator()), t.id(), touring.id());
        forum.outbox().drain();

        SearchRequest inTouring = new SearchRequest("racks", null, Set.of(touring.id()), null, null, false, null, 1);
        SearchRequest inCycling = new SearchRequest("racks", null, Set.of(fx().board().id()), null, null, false, null, 1);
        assertThat(forum.search().search(Actor.guest(), inTouring).results().items()).hasSize(1);
        assertThat(forum.search().search(Actor.guest(), inCycling).results().items()).isEmpty();
        assertThat(search(null, "racks").results().items().get(0).board().title()).isEqualTo("Touring");
    }

    @Test
    void filtersByAuthorTitlesAndDates() {
        Member ann = fx().member("ann");
        Member kenji = fx().member("kenji");
        StartedThread t = fx().thread().by(ann).titled("Onsen rides").body("hot springs after a climb").start();
        clock.advance(java.time.Duration.ofDays(3));
        Post later = fx().reply(kenji, t.id(), "onsen in Hakone");
        forum.outbox().drain();
        LocalDate day0 = LocalDate.ofInstant(t.first().createdAt(), ZoneOffset.UTC);

        assertThat(forum.search().search(Actor.guest(),
                new SearchRequest("onsen", "KENJI", Set.of(), null, null, false, null, 1)).results().items())
                .extracting(r -> r.post().id()).containsExactly(later.id());
        assertThat(forum.search().search(Actor.guest(),
                new SearchRequest("onsen", null, Set.of(), null, null, true, null, 1)).results().items())
                .extracting(r -> r.post().id()).containsExactly(t.first().id());
        assertThat(forum.search().search(Actor.guest(),
                new SearchRequest("onsen", null, Set.of(), day0, day0, false, null, 1)).results().items())
                .extracting(r -> r.post().id()).containsExactly(t.first().id());
        assertThat(forum.search().search(Actor.guest(),
                new SearchRequest("onsen", null, Set.of(), day0.plusDays(1), null, false, null, 1)).results().items())
                .extracting(r -> r.post().id()).containsExactly(later.id());
        // a member's posts without words, newest first
        assertThat(forum.search().search(Actor.guest(),
                new SearchRequest("", "ann", Set.of(), null, null, false, null, 1)).results().items())
                .extracting(r -> r.post().id()).containsExactly(t.first().id());
    }

    @Test
    void badInputGetsAClearErrorNamingTheField() {
        fx();
        assertThat(fieldsOf(SearchRequest.of(""))).containsExactly("q:empty");
        assertThat(fieldsOf(SearchRequest.of("   \"\" * -"))).containsExactly("q:empty");
        assertThat(fieldsOf(SearchRequest.of("-spam"))).containsExactly("q:only_excluded");
        assertThat(fieldsOf(SearchRequest.of("x".repeat(10_000)))).containsExactly("q:too_long");
        assertThat(fieldsOf(SearchRequest.of("w ".repeat(QueryText.MAX_TERMS + 1)))).containsExactly("q:too_many_terms");
        assertThat(fieldsOf(SearchRequest.of("ok").page(0))).containsExactly("page:out_of_range");
        assertThat(fieldsOf(new SearchRequest("ok", "nobody-here", Set.of(), LocalDate.of(2026, 5, 2),
                LocalDate.of(2026, 5, 1), false, null, 1))).containsExactlyInAnyOrder("author:unknown", "to:before_from");
        assertThat(fieldsOf(new SearchRequest("ok", null, Set.of(dev.forumkit.core.board.BoardId.of(9999)), null,
                null, false, null, 1))).containsExactly("board:unknown");
    }

    @Test
    void engineSyntaxAndUnbalancedQuotesAreJustText() {
        StartedThread t = fx().thread().body("The \"quick fix\" for c++ builds: use foo:bar (and ~tilde~).").start();
        forum.outbox().drain();

        for (String q : List.of("\"quick fix", "quick\"", "foo:bar", "c++", "(and", "~tilde~", "quick:fix",
                "quick AND fix", "quick OR", "+quick -\"", "*quick", "quick^", "[quick fix]", "{quick}", "quick\\",
                "quick!!", "/quick/", "&&quick||", "fix?")) {
            assertThat(found(null, q)).as(q).containsExactly(t.first().id());
        }
        assertThat(fieldsOf(SearchRequest.of("?*"))).containsExactly("q:empty");
    }

    @Test
    void findsJapanese() {
        StartedThread t = fx().thread().titled("京都のサイクリング").body("鴨川沿いを自転車で走りました。とても気持ちよかったです。").start();
        fx().thread().body("大阪でラーメンを食べました。").start();
        forum.outbox().drain();

        assertThat(found(null, "自転車")).containsExactly(t.first().id());
        assertThat(found(null, "鴨川")).containsExactly(t.first().id());
        assertThat(found(null, "サイクリング")).containsExactly(t.first().id());
    }

    @Test
    void snippetsArePlainTextWhateverThePostHeld() {
        StartedThread t = fx().thread().body("<script>alert(1)</script> &amp; <b>gravel</b> \"quoted\"").start();
        forum.outbox().drain();

        SearchResult r = search(null, "gravel").results().items().get(0);
        assertThat(r.post().id()).isEqualTo(t.first().id());
        // the text as written, never as markup: whoever shows it escapes it
        assertThat(Segment.text(r.snippet())).isEqualTo("<script>alert(1)</script> &amp; <b>gravel</b> \"quoted\"");
    }

    @Test
    void aPageIsFilledPastHitsTheViewerMayNoLongerSee() {
        Member ann = fx().member("ann");
        StartedThread t = fx().thread().by(ann).body("derailleur one").start();
        List<Post> replies = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            clock.advanceSeconds(60);
            replies.add(fx().reply(ann, t.id(), "derailleur again " + i));
        }
        forum.outbox().drain();
        // the newest three are deleted, and the index has not heard of it yet
        for (int i = 21; i < 24; i++) {
            forum.posts().delete(actor(fx().moderator()), replies.get(i).id(), "");
        }
        SearchRequest byDate = new SearchRequest("derailleur", null, Set.of(), null, null, false, SearchQuery.Sort.DATE, 1);

        SearchResults page1 = forum.search().search(Actor.guest(), byDate);
        assertThat(page1.results().items()).hasSize(20);
        assertThat(page1.results().items().get(0).post().id()).isEqualTo(replies.get(20).id());
        assertThat(forum.search().search(Actor.guest(), byDate.page(2)).results().items()).isNotEmpty();
    }

    @Test
    void aRebuildFillsAnEmptyIndexFromTheStorageAndResumes() {
        StartedThread a = fx().thread().body("alpha").withReplies(3).start();
        StartedThread b = fx().thread().body("beta").start();
        forum.posts().delete(actor(fx().moderator()), a.post(2).id(), "");
        InMemorySearchIndex fresh = new InMemorySearchIndex();
        List<PostId> batches = new ArrayList<>();
        long[] total = {0};

        long written = new SearchRebuild(storage, fresh).run(null, new SearchRebuild.Progress() {
            @Override
            public void total(long posts) {
                total[0] = posts;
            }

            @Override
            public void committed(long n, PostId last) {
                batches.add(last);
            }
        });

        assertThat(written).isEqualTo(5);
        assertThat(total[0]).isEqualTo(5);
        assertThat(batches).containsExactly(b.first().id());
        assertThat(fresh.count()).isEqualTo(5);
        assertThat(fresh.search(SearchQuery.words("alpha"), 0, 10).hits()).hasSize(1);
        assertThat(fresh.search(SearchQuery.all(), 0, 10).total()).isEqualTo(4); // the deleted reply is not visible
        InMemorySearchIndex resumed = new InMemorySearchIndex();
        long rest = new SearchRebuild(storage, resumed).run(a.lastPost().id(), new SearchRebuild.Progress() {
            @Override
            public void total(long posts) {
            }

            @Override
            public void committed(long n, PostId last) {
            }
        });
        assertThat(rest).isEqualTo(1);
        assertThat(resumed.search(SearchQuery.words("beta"), 0, 1).hits()).hasSize(1);
    }

    @Test
    void seeingAnEventAgainLeavesTheSameEntry() {
        StartedThread t = fx().thread().body("idempotent entry").start();
        forum.outbox().drain();
        dev.forumkit.core.search.SearchIndexer again = new dev.forumkit.core.search.SearchIndexer(storage, forum.search().index());
        again.post(t.first().id());
        again.post(t.first().id());
        again.thread(t.id());

        assertThat(forum.search().index().search(SearchQuery.words("idempotent"), 0, 10).total()).isEqualTo(1);
        SearchDocument doc = dev.forumkit.core.search.SearchIndexer.document(fx().reload(t.first()), fx().reload(t.id()));
        assertThat(doc.text()).isEqualTo("idempotent entry");
    }

    private List<String> fieldsOf(SearchRequest request) {
        try {
            forum.search().search(Actor.guest(), request);
        } catch (InvalidInputException e) {
            return e.fieldErrors().stream().map(f -> f.field() + ":" + f.code()).toList();
        }
        throw new AssertionError("no error for " + request);
    }
}
