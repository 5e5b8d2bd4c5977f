package dev.forumkit.persistence.jdbi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Text as the PostgreSQL search index sees it. Java lower-cases it (the database's locale may be C, which folds
 * ASCII only) and splits off Chinese, Japanese and Korean runs, which PostgreSQL's parser would keep as one long
 * "word" per run: each run becomes overlapping two-character lexemes, so a word inside a sentence is the phrase of
 * its pairs. Every transformation keeps the text's length, so offsets found in a folded text are offsets in the
 * original.
 */
final class SearchText {
    /** PostgreSQL keeps word positions up to this (its parser gives every later word this one). */
    static final int MAX_POSITION = 16_383;
    /** PostgreSQL keeps at most this many positions per lexeme. */
    private static final int MAX_POSITIONS_PER_LEXEME = 255;

    private SearchText() {
    }

    /** The copy the table stores: PostgreSQL text cannot hold NUL. */
    static String stored(String text) {
        return text.replace('\u0000', ' ');
    }

    /**
     * Lower case, one character for one; markup brackets and control characters become spaces, so PostgreSQL's
     * parser never takes a piece of text for an HTML tag (which it would drop) and the headline markers
     * ({@code \u0001}, {@code \u0002}) cannot occur in it.
     */
    static String fold(String text) {
        StringBuilder b = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (cp == '<' || cp == '>' || Character.getType(cp) == Character.CONTROL) {
                b.append(' ');
            } else if (cp == 'ς') {
                b.append('σ'); // final sigma: the query's capital Σ folds to σ
            } else {
                int lower = Character.toLowerCase(cp);
                b.appendCodePoint(Character.charCount(lower) == n ? lower : cp);
            }
            i += n;
        }
        return b.toString();
    }

    /** What PostgreSQL's parser gets: the folded text with its CJK characters blanked out. */
    static String parsed(String folded) {
        StringBuilder b = new StringBuilder(folded.length());
        folded.codePoints().forEach(cp -> {
            if (isCjk(cp)) {
                b.append(' ');
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    /** True when the text has something PostgreSQL's parser makes a lexeme of (a letter or digit outside CJK). */
    static boolean hasParsedWords(String parsed) {
        return parsed.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** The runs of CJK characters, in order. */
    static List<String> cjkRuns(String folded) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        folded.codePoints().forEach(cp -> {
            if (isCjk(cp)) {
                run.appendCodePoint(cp);
            } else if (run.length() > 0) {
                runs.add(run.toString());
                run.setLength(0);
            }
        });
        if (run.length() > 0) {
            runs.add(run.toString());
        }
        return runs;
    }

    /**
     * A tsvector literal of the text's CJK runs: each pair of neighbours at consecutive positions, then the run's last
     * character alone (so a one-character search finds it at a run's end too, and no phrase of pairs runs on into the
     * next run). Empty when the text has no CJK.
     */
    static String cjkVector(String folded) {
        Map<String, TreeSet<Integer>> lexemes = new LinkedHashMap<>();
        int position = 1;
        for (String run : cjkRuns(folded)) {
            int[] cps = run.codePoints().toArray();
            for (int i = 0; i + 1 < cps.length; i++) {
                add(lexemes, new String(cps, i, 2), position++);
            }
            add(lexemes, new String(cps, cps.length - 1, 1), position++);
        }
        StringBuilder b = new StringBuilder();
        lexemes.forEach((lexeme, positions) -> {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append('\'').append(lexeme).append("':");
            int n = 0;
            for (int p : positions) {
                if (n++ > 0) {
                    b.append(',');
                }
                b.append(p);
            }
        });
        return b.toString();
    }

    private static void add(Map<String, TreeSet<Integer>> lexemes, String lexeme, int position) {
        TreeSet<Integer> positions = lexemes.computeIfAbsent(lexeme, k -> new TreeSet<>());
        if (positions.size() < MAX_POSITIONS_PER_LEXEME) {
            // past PostgreSQL's last position, positions start again at 1 rather than all sharing the last one:
            // a CJK word is a phrase of pairs, which needs its pairs at neighbouring positions to be found
            positions.add((position - 1) % MAX_POSITION + 1);
        }
    }

    /**
     * A tsquery literal for a CJK run of a search term: the phrase of its pairs, or for one character any pair
     * starting with it (or itself at a run's end).
     */
    static String cjkQuery(String run) {
        int[] cps = run.codePoints().toArray();
        if (cps.length == 1) {
            return "'" + run + "':*";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i + 1 < cps.length; i++) {
            if (i > 0) {
                b.append(" <-> ");
            }
            b.append('\'').append(new String(cps, i, 2)).append('\'');
        }
        return b.toString();
    }

    /**
     * Chinese, Japanese and Korean characters (and the marks that belong inside their words: the long-vowel mark of
     * ラーメン, iteration marks), which are written without spaces between words.
     */
    static boolean isCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL
                || cp == 0x30FC || cp == 0xFF70 || cp == 0x3005 || cp == 0x3006 || cp >= 0x3031 && cp <= 0x3035;
    }
}
