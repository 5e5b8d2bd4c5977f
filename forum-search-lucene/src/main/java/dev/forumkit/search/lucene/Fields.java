package dev.forumkit.search.lucene;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.search.SearchDocument;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How a {@link SearchDocument} is laid out in a Lucene document, and read back. */
final class Fields {
    static final String ID = "id";
    static final String ID_SORT = "id_sort";
    static final String THREAD = "thread";
    /** Doc values only, so a move sets it on every entry of a thread in place ({@code updateNumericDocValue}). */
    static final String BOARD = "board_dv";
    static final String AUTHOR = "author";
    static final String CREATED = "created";
    static final String NUMBER = "number";
    static final String START = "start";
    /** Doc values (0 or 1) for the visibility filter, stored for a thread start's rewrite. */
    static final String POST_DELETED = "post_deleted";
    /** Doc values only (0 or 1): a delete or restore sets it on every entry of a thread in place. */
    static final String THREAD_DELETED = "thread_deleted_dv";
    /** The words of the text; stored on thread starts only (see {@link #toLucene}). */
    static final String TEXT = "text";
    /** The words of the thread title, on the first post only. */
    static final String TITLE = "title";
    /** The title as stored on the first post, for its highlighted title and its rewrite on a retitle. */
    static final String TITLE_STORED = "title_stored";
    static final String YES = "1";
    static final String NO = "0";
    /**
     * The layout's version, in the commit's user data. 2: no stored text on replies, board and deleted flags as doc
     * values. 3: sorted newest first (the index sort, see {@code LuceneSearchIndex.NEWEST}). An index without it
     * (written by an older forumkit) is emptied on open and rebuilt from the storage.
     */
    static final String FORMAT_KEY = "forumkit.format";
    static final String FORMAT = "3";

    private static final FieldType WORDS = new FieldType();
    private static final FieldType STORED_WORDS = new FieldType();

    static {
        WORDS.setTokenized(true);
        WORDS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        WORDS.freeze();
        STORED_WORDS.setTokenized(true);
        STORED_WORDS.setStored(true);
        STORED_WORDS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        STORED_WORDS.freeze();
    }

    private Fields() {
    }

    static Term idTerm(PostId id) {
        return new Term(ID, Long.toString(id.value()));
    }

    static Term threadTerm(ThreadId id) {
        return new Term(THREAD, Long.toString(id.value()));
    }

    /** Microseconds since the epoch: the precision the storage keeps. */
    static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    /**
     * The entry as a Lucene document. Snippets are cut from the text the storage holds (the index keeps no copy of
     * the bodies: most of an index's size otherwise); only a thread start keeps its text and title stored, because a
     * retitle must rewrite that entry (Lucene cannot change an indexed field in place). A move, delete or restore
     * changes doc values only.
     */
    static Document toLucene(SearchDocument d) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(d.post().value()), Field.Store.YES));
        doc.add(new NumericDocValuesField(ID_SORT, d.post().value()));
        doc.add(new StringField(THREAD, Long.toString(d.thread().value()), Field.Store.YES));
        doc.add(new NumericDocValuesField(BOARD, d.board().value()));
        doc.add(new LongPoint(AUTHOR, d.author().value()));
        doc.add(new StoredField(AUTHOR, d.author().value()));
        long created = micros(d.createdAt());
        doc.add(new LongPoint(CREATED, created));
        doc.add(new NumericDocValuesField(CREATED, created));
        doc.add(new StoredField(CREATED, created));
        doc.add(new StoredField(NUMBER, d.number()));
        doc.add(new StringField(START, d.threadStart() ? YES : NO, Field.Store.NO));
        doc.add(new NumericDocValuesField(POST_DELETED, d.postDeleted() ? 1 : 0));
        doc.add(new StoredField(POST_DELETED, d.postDeleted() ? 1 : 0));
        doc.add(new NumericDocValuesField(THREAD_DELETED, d.threadDeleted() ? 1 : 0));
        if (d.threadStart()) {
            doc.add(new Field(TEXT, d.text(), STORED_WORDS));
            doc.add(new Field(TITLE, d.threadTitle(), WORDS));
            doc.add(new StoredField(TITLE_STORED, d.threadTitle()));
        } else {
            doc.add(new Field(TEXT, d.text(), WORDS));
        }
        return doc;
    }

    /** A thread start's entry as stored, with the thread's board, title and deleted flag as they are now. */
    static SearchDocument startFromLucene(Document doc, BoardId board, String title, boolean threadDeleted) {
        long created = doc.getField(CREATED).numericValue().longValue();
        return new SearchDocument(PostId.of(Long.parseLong(doc.get(ID))), ThreadId.of(Long.parseLong(doc.get(THREAD))),
                board, MemberId.of(doc.getField(AUTHOR).numericValue().longValue()),
                Instant.EPOCH.plus(created, ChronoUnit.MICROS), doc.getField(NUMBER).numericValue().intValue(),
                title, doc.get(TEXT), doc.getField(POST_DELETED).numericValue().intValue() == 1, threadDeleted);
    }
}
