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
    static final String BOARD = "board";
    static final String AUTHOR = "author";
    static final String CREATED = "created";
    static final String NUMBER = "number";
    static final String START = "start";
    static final String VISIBLE = "visible";
    static final String POST_DELETED = "post_deleted";
    static final String THREAD_DELETED = "thread_deleted";
    /** The words of the text; stored for snippets. */
    static final String TEXT = "text";
    /** The words of the thread title, on the first post only. */
    static final String TITLE = "title";
    /** The title as stored on every post (updates of a thread rewrite its posts from the stored fields). */
    static final String TITLE_STORED = "title_stored";
    static final String YES = "1";
    static final String NO = "0";

    private static final FieldType WORDS = new FieldType();

    static {
        WORDS.setTokenized(true);
        WORDS.setStored(true);
        WORDS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        WORDS.freeze();
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

    static Document toLucene(SearchDocument d) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(d.post().value()), Field.Store.YES));
        doc.add(new NumericDocValuesField(ID_SORT, d.post().value()));
        doc.add(new StringField(THREAD, Long.toString(d.thread().value()), Field.Store.YES));
        doc.add(new LongPoint(BOARD, d.board().value()));
        doc.add(new StoredField(BOARD, d.board().value()));
        doc.add(new LongPoint(AUTHOR, d.author().value()));
        doc.add(new StoredField(AUTHOR, d.author().value()));
        long created = micros(d.createdAt());
        doc.add(new LongPoint(CREATED, created));
        doc.add(new NumericDocValuesField(CREATED, created));
        doc.add(new StoredField(CREATED, created));
        doc.add(new StoredField(NUMBER, d.number()));
        doc.add(new StringField(START, d.threadStart() ? YES : NO, Field.Store.NO));
        doc.add(new StringField(VISIBLE, d.visible() ? YES : NO, Field.Store.NO));
        doc.add(new StoredField(POST_DELETED, d.postDeleted() ? 1 : 0));
        doc.add(new StoredField(THREAD_DELETED, d.threadDeleted() ? 1 : 0));
        doc.add(new Field(TEXT, d.text(), WORDS));
        if (d.threadStart()) {
            doc.add(new Field(TITLE, d.threadTitle(), WORDS));
        }
        doc.add(new StoredField(TITLE_STORED, d.threadTitle()));
        return doc;
    }

    static SearchDocument fromLucene(Document doc) {
        long created = doc.getField(CREATED).numericValue().longValue();
        return new SearchDocument(PostId.of(Long.parseLong(doc.get(ID))), ThreadId.of(Long.parseLong(doc.get(THREAD))),
                BoardId.of(doc.getField(BOARD).numericValue().longValue()),
                MemberId.of(doc.getField(AUTHOR).numericValue().longValue()),
                Instant.EPOCH.plus(created, ChronoUnit.MICROS), doc.getField(NUMBER).numericValue().intValue(),
                doc.get(TITLE_STORED), doc.get(TEXT), doc.getField(POST_DELETED).numericValue().intValue() == 1,
                doc.getField(THREAD_DELETED).numericValue().intValue() == 1);
    }
}
