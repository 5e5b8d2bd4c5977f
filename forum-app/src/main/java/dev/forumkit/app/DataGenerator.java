package dev.forumkit.app;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.markup.MarkupRenderer;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.reaction.Reaction;
import dev.forumkit.core.reaction.ReactionTypes;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.persistence.jdbi.JdbiBulkLoader;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A realistic forum of the requested size, the same for the same seed: skewed thread lengths (most threads short, a
 * few long, one mega-thread of a tenth of all posts), a few members writing most posts, bodies using the markup, and
 * reactions from all over the membership. Writes through {@link JdbiBulkLoader}.
 */
final class DataGenerator {
    /** Every generated member signs in with this password (e-mail {@code member<N>@example.com}). */
    static final String PASSWORD = "bench-password";
    static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration SPAN = Duration.ofDays(3 * 365);
    private static final String[] ADJ = {"Swift", "Steady", "Muddy", "Rusty", "Quiet", "Brave", "Lazy", "Windy", "Uphill", "Fixed"};
    private static final String[] NOUN = {"Climber", "Rider", "Spoke", "Crank", "Pedal", "Tandem", "Sprinter", "Tourer", "Cog", "Saddle"};
    private static final String[] TOPICS = {"Road bikes", "Gravel", "Mountain bikes", "Commuting", "Touring", "Racing",
            "Maintenance", "Wheels and tyres", "Clothing", "Training", "Nutrition", "Routes", "Buy and sell", "Off topic"};
    private static final String[] TYPES = {"like", "like", "like", "like", "love", "haha", "wow", "sad", "angry"};

    record Sizes(int members, int boards, int threads, long posts, long reactions, long seed) {
        Sizes {
            if (members < 2 || boards < 1 || threads < 1 || posts < threads || reactions < 0) {
                throw new IllegalArgumentException("need members >= 2, boards >= 1, threads >= 1, posts >= threads, reactions >= 0");
            }
        }

        /** The mega-thread: a tenth of the posts (100,000 of 1,000,000), when there is more than one thread. */
        long megaThreadPosts() {
            return threads == 1 ? posts : Math.max(1, Math.min(posts / 10, posts - (threads - 1)));
        }
    }

    record Result(long members, long threads, long posts, long reactions, long megaThreadId, long megaThreadPosts,
                  long firstThreadId) {
    }

    interface Progress {
        void posts(long done);
    }

    private final Sizes sizes;
    private final MarkupRenderer renderer;
    private final String passwordHash;

    DataGenerator(Sizes sizes, MarkupRenderer renderer, String passwordHash) {
        this.sizes = sizes;
        this.renderer = renderer;
        this.passwordHash = passwordHash;
    }

    Result load(JdbiBulkLoader load, Progress progress) {
        SplittableRandom random = new SplittableRandom(sizes.seed());
        String[] names = new String[sizes.members()];
        MemberId[] memberIds = new MemberId[sizes.members()];
        for (int i = 0; i < names.length; i++) {
            names[i] = ADJ[i % ADJ.length] + NOUN[(i / ADJ.length) % NOUN.length] + (i + 1);
            Instant joined = END.minus(SPAN).minusSeconds(random.nextLong(180L * 86_400));
            Member m = load.member(Member.withoutId(names[i], "member" + (i + 1) + "@example.com", passwordHash, joined,
                    i == 0 ? Role.ADMIN : Role.MEMBER).withEmailVerified(true)); // generated members post whatever the setting
            memberIds[i] = m.id();
        }
        PostBodies bodies = new PostBodies(renderer, names, Math.min(sizes.posts(), 1_000), 4_000, random.nextLong());
        Board[] boards = new Board[sizes.boards()];
        int perCategory = 6;
        Category category = null;
        for (int b = 0; b < boards.length; b++) {
            if (b % perCategory == 0) {
                category = load.category(Category.withoutId("Category " + (b / perCategory + 1), "Boards about bikes", b / perCategory));
            }
            String title = TOPICS[b % TOPICS.length] + (b >= TOPICS.length ? " " + (b / TOPICS.length + 1) : "");
            boards[b] = load.board(Board.withoutId(category.id(), title, "All about " + title.toLowerCase(),
                    b == 0 ? "Welcome to our cycling community! Join today to reply." : null, b));
        }
        long[] lengths = threadLengths(random);
        long postsLeft = sizes.posts();
        long reactionsLeft = sizes.reactions();
        long postsDone = 0;
        long reactionsDone = 0;
        long megaId = 0;
        long firstThreadId = 0;
        MemberId[] reactors = new MemberId[32];
        for (int t = 0; t < lengths.length; t++) {
            boolean mega = t == 0;
            Instant at = mega ? END.minus(SPAN) : END.minus(SPAN).plusSeconds(random.nextLong(SPAN.toSeconds() - 86_400));
            long step = mega ? SPAN.toSeconds() / Math.max(1, lengths[t]) : 3_600;
            MemberId starter = author(random, memberIds);
            Board board = boards[(int) (Math.pow(random.nextDouble(), 1.5) * boards.length)];
            ForumThread thread = load.thread(ForumThread.withoutId(board.id(), title(random, t), starter, at));
            if (t == 0) {
                megaId = thread.id().value();
                firstThreadId = megaId;
            }
            for (int n = 1; n <= lengths[t]; n++) {
                MemberId author = n == 1 ? starter : author(random, memberIds);
                PostBodies.Body body = bodies.next(random);
                Post post = load.post(Post.withoutId(thread.id(), n, author, body.source(), at)
                        .withRendering(body.html(), renderer.version()));
                // reactions: the remaining ones spread over the remaining posts, exponentially skewed per post
                double mean = postsLeft == 0 ? 0 : (double) reactionsLeft / postsLeft;
                double x = -Math.log(1 - random.nextDouble()) * mean;
                long count = (long) x + (random.nextDouble() < x - Math.floor(x) ? 1 : 0);
                if (postsLeft == 1) {
                    count = reactionsLeft;
                }
                count = Math.min(Math.min(count, reactionsLeft), Math.min(reactors.length, memberIds.length - 1));
                for (int k = 0; k < count; k++) {
                    MemberId who;
                    do {
                        who = memberIds[random.nextInt(memberIds.length)];
                    } while (who.equals(author) || seen(reactors, k, who));
                    reactors[k] = who;
                    load.reaction(new Reaction(post.id(), who, author, TYPES[random.nextInt(TYPES.length)],
                            at.plusSeconds(60 + random.nextInt(86_400))));
                }
                reactionsLeft -= count;
                reactionsDone += count;
                postsLeft--;
                postsDone++;
                at = min(END, at.plusSeconds(1 + random.nextLong(2 * step)));
                if ((postsDone & 1023) == 0) {
                    progress.posts(postsDone);
                }
            }
        }
        progress.posts(postsDone);
        return new Result(memberIds.length, lengths.length, postsDone, reactionsDone, megaId, lengths[0], firstThreadId);
    }

    /** Thread 0 is the mega-thread; the others share the rest, Pareto-weighted so most are short and a few long. */
    long[] threadLengths(SplittableRandom random) {
        long[] lengths = new long[sizes.threads()];
        lengths[0] = sizes.megaThreadPosts();
        int others = lengths.length - 1;
        if (others == 0) {
            return lengths;
        }
        long extra = sizes.posts() - lengths[0] - others; // beyond the one post each thread has
        double[] weights = new double[others];
        double sum = 0;
        for (int i = 0; i < others; i++) {
            weights[i] = Math.min(3_000, Math.pow(1 - random.nextDouble(), -1 / 1.2)); // Pareto, alpha 1.2, capped
            sum += weights[i];
        }
        long given = 0;
        for (int i = 0; i < others; i++) {
            long n = (long) Math.floor(extra * weights[i] / sum);
            lengths[i + 1] = 1 + n;
            given += n;
        }
        for (long left = extra - given; left > 0; left--) {
            lengths[1 + random.nextInt(others)]++;
        }
        return lengths;
    }

    private static MemberId author(SplittableRandom random, MemberId[] ids) {
        return ids[(int) (Math.pow(random.nextDouble(), 2.5) * ids.length)]; // a few members write most posts
    }

    private static boolean seen(MemberId[] reactors, int count, MemberId who) {
        for (int i = 0; i < count; i++) {
            if (reactors[i].equals(who)) {
                return true;
            }
        }
        return false;
    }

    private static String title(SplittableRandom random, int t) {
        String[] starts = {"Help with", "Thoughts on", "Review:", "Which", "Anyone tried", "Finally fixed", "Advice on", "Photos:"};
        String[] things = {"my new gravel bike", "tubeless setup", "winter commuting", "a creaking bottom bracket",
                "the club ride", "power meters", "saddle height", "disc brake rub", "touring in Scotland", "chain wax"};
        return (t == 0 ? "The big everything thread: " : "") + starts[random.nextInt(starts.length)] + " "
                + things[random.nextInt(things.length)];
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
