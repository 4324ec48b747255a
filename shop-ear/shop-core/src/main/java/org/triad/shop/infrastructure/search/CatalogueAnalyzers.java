package org.triad.shop.infrastructure.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * One analysis chain for Chinese and English text: Unicode word segmentation ({@link StandardTokenizer}: Latin words,
 * each Han character alone), full-width → half-width ({@link CJKWidthFilter}), lower case, Porter stemming for
 * English words, and {@link CJKBigramFilter} joining neighbouring Han characters into bigrams (Chinese has no spaces:
 * "西湖龙井" → 西湖 湖龙 龙井). The index also keeps the single characters, so a one-character query (茶) finds
 * "龙井茶"; queries use bigrams only (a single character stays a unigram), which keeps two-character words precise.
 */
final class CatalogueAnalyzers {

    private CatalogueAnalyzers() {
    }

    static Analyzer index() {
        return chain(true);
    }

    static Analyzer query() {
        return chain(false);
    }

    private static Analyzer chain(boolean unigrams) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new CJKWidthFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new PorterStemFilter(stream);
                stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                        | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, unigrams);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** Lower-cased words and single Han characters, unstemmed: for prefix and fuzzy suggestions. */
    static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(new CJKWidthFilter(source)));
            }
        };
    }
}
