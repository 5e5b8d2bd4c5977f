package dev.forumkit.app;

import dev.forumkit.core.approval.HeldPost;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.group.Group;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.reaction.Reaction;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.core.watch.ThreadWatch;
import dev.forumkit.persistence.jdbi.DumpRows;
import dev.forumkit.persistence.jdbi.DumpTable;
import dev.forumkit.persistence.jdbi.JdbiExportReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every table of a dump, parents first, each in pages by its key (one page in memory at a time). */
final class DumpExport {
    private final JdbiExportReader reader;
    private final ProgressBar bar;
    private long done;

    private final ForumStorage storage;

    DumpExport(ForumStorage storage, JdbiExportReader reader, ProgressBar bar) {
        this.storage = storage;
        this.reader = reader;
        this.bar = bar;
    }

    void writeTo(DumpWriter dump) throws IOException {
        long after = 0;
        for (List<Member> page; !(page = reader.members(after, ExportCommand.PAGE)).isEmpty(); after = page.get(page.size() - 1).id().value()) {
            for (Member m : page) {
                dump.member(m);
            }
            progress(page.size());
        }
        after = 0;
        for (List<Group> page; !(page = reader.groups(after, ExportCommand.PAGE)).isEmpty(); after = page.get(page.size() - 1).id().value()) {
            for (Group g : page) {
                dump.group(g);
            }
        }
        long[] key = {0, 0};
        for (List<DumpRows.GroupMembership> page; !(page = reader.groupMemberships(key[0], key[1], ExportCommand.PAGE)).isEmpty(); ) {
            for (DumpRows.GroupMembership m : page) {
                dump.groupMembership(m);
                key[0] = m.member().value();
                key[1] = m.group().value();
            }
        }
        after = 0;
        for (List<Category> page; !(page = reader.categories(after, ExportCommand.PAGE)).isEmpty(); after = page.get(page.size() - 1).id().value()) {
            for (Category c : page) {
                dump.category(c);
            }
            progress(page.size());
        }
        after = 0;
        Set<BoardId> moderated = storage.transactions().readOnly(() -> storage.heldPosts().moderatedBoards());
        for (List<Board> page; !(page = reader.boards(after, ExportCommand.PAGE)).isEmpty(); after = page.get(page.size() - 1).id().value()) {
            for (Board b : page) {
                dump.board(b, moderated.contains(b.id()));
            }
            progress(page.size());
        }
        // the grid is small (cells set by admins), read whole; in a fixed order so that equal forums give equal dumps
        List<Grant> grants = new ArrayList<>(storage.transactions().readOnly(() -> storage.grants().all()));
        grants.sort(Comparator.comparing((Grant g) -> g.subject().group() == null ? "m" + pad(g.subject().member().value())
                        : "g" + pad(g.subject().group().value()))
                .thenComparing(g -> g.scope().isGlobal() ? "f" : g.scope().category() != null ? "c" + pad(g.scope().category().value())
                        : "b" + pad(g.scope().board().value()))
                .thenComparing(g -> g.permission().key()));
        for (Grant g : grants) {
            dump.grant(g);
        }
        after = 0;
        for (List<ForumThread> page; !(page = reader.threads(after, ExportCommand.PAGE)).isEmpty(); after = page.get(page.size() - 1).id().value()) {
            for (ForumThread t : page) {
                dump.thread(t);
            }
            progress(page.size());
        }
        after = 0;
        for (List<Post> page; !(page = reader.posts(after, ExportCommand.PAGE)).isEmpty(); after = page.get(page.size() - 1).id().value()) {
            for (Post p : page) {
                dump.post(p);
            }
            progress(page.size());
        }
        after = 0;
        for (List<HeldPost> page; !(page = reader.heldPosts(after, ExportCommand.PAGE)).isEmpty(); after = page.get(page.size() - 1).id().value()) {
            for (HeldPost h : page) {
                dump.heldPost(h);
            }
        }
        key[0] = 0;
        key[1] = 0;
        for (List<Reaction> page; !(page = reader.reactions(key[0], key[1], ExportCommand.PAGE)).isEmpty(); ) {
            for (Reaction r : page) {
                dump.reaction(r);
                key[0] = r.postId().value();
                key[1] = r.memberId().value();
            }
            progress(page.size());
        }
        key[0] = 0;
        key[1] = 0;
        for (List<DumpRows.ReadMark> page; !(page = reader.readMarks(key[0], key[1], ExportCommand.PAGE)).isEmpty(); ) {
            for (DumpRows.ReadMark r : page) {
                dump.readMark(r);
                key[0] = r.member().value();
                key[1] = r.thread().value();
            }
            progress(page.size());
        }
        key[0] = 0;
        key[1] = 0;
        for (List<ThreadWatch> page; !(page = reader.threadWatches(key[0], key[1], ExportCommand.PAGE)).isEmpty(); ) {
            for (ThreadWatch w : page) {
                dump.threadWatch(w);
                key[0] = w.member().value();
                key[1] = w.thread().value();
            }
        }
        for (DumpTable t : DumpTable.ALL) {
            key[0] = 0;
            key[1] = 0;
            for (List<Map<String, Object>> page; !(page = reader.rows(t, key[0], key[1], ExportCommand.PAGE)).isEmpty(); ) {
                for (Map<String, Object> row : page) {
                    dump.row(t, row);
                    key[0] = ((Number) row.get(t.first())).longValue();
                    key[1] = t.second() == null ? 0 : ((Number) row.get(t.second())).longValue();
                }
                progress(page.size());
            }
        }
    }

    private static String pad(long id) {
        return String.format(java.util.Locale.ROOT, "%019d", id);
    }

    private void progress(int rows) {
        done += rows;
        bar.update(done);
    }
}
