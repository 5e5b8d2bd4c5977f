package dev.forumkit.core.memory;

import dev.forumkit.core.search.Snippets.Range;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The in-memory search index's words: letter and digit runs, lower-cased; every CJK character a word of its own. */
final class WordTokens {
    private WordTokens() {
    }

    record Token(String word, int start, int end) {
    }

    static List<Token> of(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int start = -1;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            boolean cjk = isCjk(cp);
            boolean word = !cjk && (Character.isLetterOrDigit(cp) || isMark(cp));
            if (!word && start >= 0) {
                out.add(token(text, start, i));
                start = -1;
            }
            if (cjk) {
                out.add(token(text, i, i + n));
            } else if (word && start < 0) {
                start = i;
            }
            i += n;
        }
        if (start >= 0) {
            out.add(token(text, start, text.length()));
        }
        return out;
    }

    static List<String> words(String text) {
        return of(text).stream().map(Token::word).toList();
    }

    /** Where the words occur one after another; with {@code prefix} the last one only has to start the token. */
    static List<Range> find(List<Token> tokens, List<String> words, boolean prefix) {
        List<Range> out = new ArrayList<>();
        int k = words.size();
        for (int i = 0; i + k <= tokens.size() && k > 0; i++) {
            boolean all = true;
            for (int j = 0; j < k && all; j++) {
                String w = tokens.get(i + j).word();
                all = prefix && j == k - 1 ? w.startsWith(words.get(j)) : w.equals(words.get(j));
            }
            if (all) {
                out.add(new Range(tokens.get(i).start(), tokens.get(i + k - 1).end()));
            }
        }
        return out;
    }

    private static Token token(String text, int start, int end) {
        return new Token(text.substring(start, end).toLowerCase(Locale.ROOT), start, end);
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
    }
}
