package dev.forumkit.app;

import dev.forumkit.core.markup.MarkupRenderer;
import dev.forumkit.core.markup.MentionResolver;
import dev.forumkit.core.markup.MentionedMember;
import dev.forumkit.core.markup.Rendered;
import dev.forumkit.core.member.MemberId;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Post bodies for the data generator, made of blocks (paragraphs, @mentions, quotes with attribution, code, links,
 * lists). Rendering a million posts one by one would cost minutes, so a pool of blocks is rendered once and a body
 * is a few blocks joined by blank lines, its HTML the blocks' renderings joined: each block is a separate top-level
 * element, so that is what rendering the whole body gives.
 */
final class PostBodies {
    private static final String[] WORDS = ("the a chain ride wheel gear tyre pressure climb descent saddle frame carbon steel"
            + " route weather rain wind morning evening club group pace watts cadence brake disc rim tube tubeless"
            + " puncture mile kilometre hill valley coffee stop training plan rest day sprint tempo interval bike shop"
            + " mechanic derailleur cassette crank pedal cleat shoe helmet jersey glove light winter summer spring"
            + " think really maybe probably honestly agree disagree works worked fixed broke tried swapped bought sold"
            + " because although when after before with without about around through over under quite very just")
            .split(" ");
    private static final String[] LANGS = {"java", "python", "sh", "text"};
    private final List<String> sources = new ArrayList<>();
    private final List<String> htmls = new ArrayList<>();

    /** {@code usernames[i]} is member {@code i + 1}; quotes cite posts 1..{@code quotablePosts}. */
    PostBodies(MarkupRenderer renderer, String[] usernames, long quotablePosts, int poolSize, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<MentionedMember> known = new ArrayList<>();
        for (int i = 0; i < Math.min(usernames.length, 500); i++) {
            known.add(new MentionedMember(MemberId.of(i + 1), usernames[i], "/members/" + usernames[i].toLowerCase() + "." + (i + 1) + "/"));
        }
        MentionResolver mentions = MentionResolver.of(known);
        for (int i = 0; i < poolSize; i++) {
            String source = block(random, usernames, Math.min(usernames.length, 500), Math.max(1, quotablePosts));
            Rendered r = renderer.render(source, mentions);
            sources.add(source);
            htmls.add(r.html());
        }
    }

    /** A body of one to four blocks (most posts short): source and its rendering. */
    Body next(SplittableRandom random) {
        int blocks = 1 + (random.nextInt(10) < 6 ? 0 : random.nextInt(4));
        StringBuilder source = new StringBuilder();
        StringBuilder html = new StringBuilder();
        for (int b = 0; b < blocks; b++) {
            int i = random.nextInt(sources.size());
            if (b > 0) {
                source.append("\n\n");
                html.append('\n');
            }
            source.append(sources.get(i));
            html.append(htmls.get(i));
        }
        return new Body(source.toString(), html.toString());
    }

    record Body(String source, String html) {
    }

    private static String block(SplittableRandom r, String[] names, int mentionable, long quotable) {
        int kind = r.nextInt(100);
        if (kind < 45) {
            return sentences(r, 1 + r.nextInt(5));
        } else if (kind < 60) {
            return "@" + names[r.nextInt(mentionable)] + " " + sentences(r, 1 + r.nextInt(3));
        } else if (kind < 75) {
            return "[quote=" + names[r.nextInt(mentionable)] + " post=" + (1 + r.nextLong(quotable)) + "]"
                    + sentences(r, 1 + r.nextInt(3)) + "[/quote]\n\n" + sentences(r, 1 + r.nextInt(2));
        } else if (kind < 83) {
            String lang = LANGS[r.nextInt(LANGS.length)];
            StringBuilder code = new StringBuilder("```" + lang + "\n");
            for (int l = 0, n = 2 + r.nextInt(8); l < n; l++) {
                code.append("    ".repeat(r.nextInt(3))).append(words(r, 2 + r.nextInt(6)).replace(' ', '_')).append("();\n");
            }
            return sentences(r, 1) + "\n\n" + code + "```";
        } else if (kind < 92) {
            return sentences(r, 1) + " See [" + words(r, 3) + "](https://example.org/" + words(r, 2).replace(' ', '-')
                    + ") and https://bikes.example.com/t/" + r.nextInt(100_000) + " for more.";
        } else {
            StringBuilder list = new StringBuilder(sentences(r, 1)).append("\n\n");
            boolean numbered = r.nextBoolean();
            for (int i = 1, n = 2 + r.nextInt(5); i <= n; i++) {
                list.append(numbered ? i + ". " : "- ").append(r.nextInt(4) == 0 ? "**" + words(r, 2) + "** " : "")
                        .append(words(r, 3 + r.nextInt(8))).append('\n');
            }
            return list.toString().strip();
        }
    }

    private static String sentences(SplittableRandom r, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String w = words(r, 5 + r.nextInt(18));
            s.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length()).append(r.nextInt(6) == 0 ? "?" : ".");
            if (i + 1 < n) {
                s.append(' ');
            }
        }
        return s.toString();
    }

    private static String words(SplittableRandom r, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return s.toString();
    }
}
