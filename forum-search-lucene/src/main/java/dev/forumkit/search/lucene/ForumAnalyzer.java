package dev.forumkit.search.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.io.Reader;

/**
 * Words for the forum's text: Unicode word boundaries (UAX #29), full- and half-width forms folded, lower case,
 * Chinese, Japanese and Korean runs as overlapping bigrams, English possessives dropped and Porter stems. The index
 * side also keeps single CJK characters, so a one-character search finds them; the query side makes only bigrams, so
 * a CJK word matches as the phrase of its bigrams.
 */
final class ForumAnalyzer extends Analyzer {
    // a colon joins words under UAX #29 ("foo:bar" would be one word); people mean two words, as the query parser does
    private static final NormalizeCharMap COLON;

    static {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        b.add(":", " ");
        COLON = b.build();
    }

    private final boolean unigrams;

    private ForumAnalyzer(boolean unigrams) {
        this.unigrams = unigrams;
    }

    static ForumAnalyzer forIndexing() {
        return new ForumAnalyzer(true);
    }

    static ForumAnalyzer forQueries() {
        return new ForumAnalyzer(false);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(COLON, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        source.setMaxTokenLength(255);
        TokenStream s = new CJKWidthFilter(source);
        s = new LowerCaseFilter(s);
        s = new CJKBigramFilter(s, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA
                | CJKBigramFilter.HANGUL, unigrams);
        s = new EnglishPossessiveFilter(s);
        s = new PorterStemFilter(s);
        return new TokenStreamComponents(source, s);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(new CJKWidthFilter(in));
    }
}
