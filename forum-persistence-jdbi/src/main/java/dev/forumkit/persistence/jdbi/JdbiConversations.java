package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.conversation.Conversation;
import dev.forumkit.core.conversation.ConversationId;
import dev.forumkit.core.conversation.Conversations;
import dev.forumkit.core.conversation.Message;
import dev.forumkit.core.conversation.MessageId;
import dev.forumkit.core.conversation.Participant;
import dev.forumkit.core.member.MemberId;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Conversations, their messages, participants and members' conversation blocks. */
final class JdbiConversations implements Conversations {
    private static final String CONVERSATION = "SELECT c.id, c.title, c.starter_id, c.open_invite, c.created_at,"
            + " c.last_message_id, c.last_message_at, c.message_count, c.reported FROM conversations c";
    private static final RowMapper<Conversation> CONVERSATIONS = (rs, ctx) -> {
        Long last = Rows.nullableLong(rs, 6);
        return new Conversation(ConversationId.of(rs.getLong(1)), rs.getString(2), MemberId.of(rs.getLong(3)),
                rs.getBoolean(4), Rows.instant(rs, 5), last == null ? null : MessageId.of(last), Rows.instant(rs, 7),
                rs.getInt(8), rs.getBoolean(9));
    };
    private static final String MESSAGE = "SELECT id, conversation_id, author_id, body, html, renderer_version, created_at"
            + " FROM conversation_messages";
    private static final RowMapper<Message> MESSAGES = (rs, ctx) -> new Message(MessageId.of(rs.getLong(1)),
            ConversationId.of(rs.getLong(2)), MemberId.of(rs.getLong(3)), rs.getString(4), rs.getString(5),
            rs.getString(6), Rows.instant(rs, 7));
    private static final String PARTICIPANT = "SELECT conversation_id, member_id, joined_at, left_at, last_read_id"
            + " FROM conversation_participants";
    private static final RowMapper<Participant> PARTICIPANTS = (rs, ctx) -> {
        Long read = Rows.nullableLong(rs, 5);
        return new Participant(ConversationId.of(rs.getLong(1)), MemberId.of(rs.getLong(2)), Rows.instant(rs, 3),
                Rows.instant(rs, 4), read == null ? null : MessageId.of(read));
    };
    /** The member's conversations: taking part, not left. */
    private static final String ACTIVE = " JOIN conversation_participants p ON p.conversation_id = c.id"
            + " WHERE p.member_id = :member AND p.left_at IS NULL";

    /** The member's conversations with unread messages (bound: {@code :member}); also a sub-query of JdbiAlerts. */
    static final String UNREAD_COUNT = "SELECT COUNT(*) FROM conversations c" + ACTIVE
            + " AND c.last_message_id IS NOT NULL AND (p.last_read_id IS NULL OR p.last_read_id < c.last_message_id)";

    private final JdbiTransactions db;
    private final String insertConversation;
    private final String insertMessage;
    private final String putParticipant;
    private final String block;
    private final String putReaction;

    JdbiConversations(JdbiTransactions db) {
        this.db = db;
        this.insertConversation = db.dialect().returning("INSERT INTO conversations (title, starter_id, open_invite,"
                + " created_at, last_message_id, last_message_at, message_count, reported) VALUES (:title, :starter,"
                + " :openInvite, :created, :lastId, :lastAt, :count, :reported)", "id");
        this.insertMessage = db.dialect().returning("INSERT INTO conversation_messages (conversation_id, author_id, body,"
                + " html, renderer_version, created_at) VALUES (:conversation, :author, :body, :html, :version, :at)", "id");
        this.putParticipant = Upserts.sql(db.dialect(), "conversation_participants",
                List.of("conversation_id", "member_id"), List.of("joined_at", "left_at", "last_read_id"));
        this.block = Upserts.sql(db.dialect(), "conversation_blocks", List.of("member_id", "blocked_id"), List.of());
        this.putReaction = Upserts.sql(db.dialect(), "conversation_message_reactions", List.of("message_id", "member_id"),
                List.of("reaction_type", "created_at"));
    }

    @Override
    public Conversation add(Conversation c) {
        return db.with(h -> c.withId(ConversationId.of(h.createQuery(insertConversation).bind("title", c.title())
                .bind("starter", c.starter().value()).bind("openInvite", c.openInvite()).bind("created", Rows.ts(c.createdAt()))
                .bind("lastId", c.lastMessage() == null ? null : c.lastMessage().value())
                .bind("lastAt", Rows.ts(c.lastMessageAt())).bind("count", c.messageCount()).bind("reported", c.reported())
                .mapTo(Long.class).one())));
    }

    @Override
    public Optional<Conversation> byId(ConversationId id) {
        return db.with(h -> h.createQuery(CONVERSATION + " WHERE c.id = :id").bind("id", id.value()).map(CONVERSATIONS).findOne());
    }

    @Override
    public void update(Conversation c) {
        int n = db.with(h -> h.createUpdate("UPDATE conversations SET title = :title, open_invite = :openInvite,"
                        + " reported = :reported WHERE id = :id").bind("title", c.title()).bind("openInvite", c.openInvite())
                .bind("reported", c.reported()).bind("id", c.id().value()).execute());
        if (n == 0) {
            throw new NotFoundException("no conversation " + c.id());
        }
    }

    /**
     * The counting UPDATE comes first: its row lock makes concurrent replies to one conversation wait for each other,
     * so each counts on the committed count and the last message is the one with the highest id.
     */
    @Override
    public Message addMessage(Message m) {
        return db.with(h -> {
            int n = h.createUpdate("UPDATE conversations SET message_count = message_count + 1 WHERE id = :id")
                    .bind("id", m.conversation().value()).execute();
            if (n == 0) {
                throw new NotFoundException("no conversation " + m.conversation());
            }
            long id = h.createQuery(insertMessage).bind("conversation", m.conversation().value())
                    .bind("author", m.author().value()).bind("body", m.body()).bind("html", m.html())
                    .bind("version", m.rendererVersion()).bind("at", Rows.ts(m.createdAt())).mapTo(Long.class).one();
            h.createUpdate("UPDATE conversations SET last_message_id = :last, last_message_at = :at WHERE id = :id"
                            + " AND (last_message_id IS NULL OR last_message_id < :last)")
                    .bind("last", id).bind("at", Rows.ts(m.createdAt())).bind("id", m.conversation().value()).execute();
            return m.withId(MessageId.of(id));
        });
    }

    @Override
    public Optional<Message> message(MessageId id) {
        return db.with(h -> h.createQuery(MESSAGE + " WHERE id = :id").bind("id", id.value()).map(MESSAGES).findOne());
    }

    @Override
    public List<Message> messages(ConversationId id, int offset, int limit) {
        return db.with(h -> h.createQuery(MESSAGE + " WHERE conversation_id = :id ORDER BY id LIMIT :limit OFFSET :offset")
                .bind("id", id.value()).bind("limit", limit).bind("offset", offset).map(MESSAGES).list());
    }

    @Override
    public void putParticipant(Participant p) {
        byId(p.conversation()).orElseThrow(() -> new NotFoundException("no conversation " + p.conversation()));
        db.use(h -> h.createUpdate(putParticipant).bind("conversation_id", p.conversation().value())
                .bind("member_id", p.member().value()).bind("joined_at", Rows.ts(p.joinedAt()))
                .bind("left_at", Rows.ts(p.leftAt())).bind("last_read_id", p.lastRead() == null ? null : p.lastRead().value())
                .execute());
    }

    @Override
    public Optional<Participant> participant(ConversationId id, MemberId member) {
        return db.with(h -> h.createQuery(PARTICIPANT + " WHERE conversation_id = :id AND member_id = :member")
                .bind("id", id.value()).bind("member", member.value()).map(PARTICIPANTS).findOne());
    }

    @Override
    public List<Participant> participants(ConversationId id) {
        return db.with(h -> h.createQuery(PARTICIPANT + " WHERE conversation_id = :id ORDER BY joined_at, member_id")
                .bind("id", id.value()).map(PARTICIPANTS).list());
    }

    @Override
    public List<Conversation> ofMember(MemberId member, int offset, int limit) {
        return db.with(h -> h.createQuery(CONVERSATION + ACTIVE + " ORDER BY c.last_message_at DESC, c.id DESC"
                        + " LIMIT :limit OFFSET :offset").bind("member", member.value()).bind("limit", limit)
                .bind("offset", offset).map(CONVERSATIONS).list());
    }

    @Override
    public long countOfMember(MemberId member) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM conversations c" + ACTIVE).bind("member", member.value())
                .mapTo(Long.class).one());
    }

    @Override
    public long countUnread(MemberId member) {
        return db.with(h -> h.createQuery(UNREAD_COUNT)
                .bind("member", member.value()).mapTo(Long.class).one());
    }

    @Override
    public long startedSince(MemberId member, Instant since) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM conversations WHERE starter_id = :member AND created_at >= :since")
                .bind("member", member.value()).bind("since", Rows.ts(since)).mapTo(Long.class).one());
    }

    @Override
    public void block(MemberId member, MemberId blocked) {
        db.use(h -> h.createUpdate(block).bind("member_id", member.value()).bind("blocked_id", blocked.value()).execute());
    }

    @Override
    public boolean unblock(MemberId member, MemberId blocked) {
        return db.with(h -> h.createUpdate("DELETE FROM conversation_blocks WHERE member_id = :member AND blocked_id = :blocked")
                .bind("member", member.value()).bind("blocked", blocked.value()).execute()) > 0;
    }

    @Override
    public List<MemberId> blockedBy(MemberId member) {
        return db.with(h -> h.createQuery("SELECT blocked_id FROM conversation_blocks WHERE member_id = :member ORDER BY blocked_id")
                .bind("member", member.value()).map((rs, ctx) -> MemberId.of(rs.getLong(1))).list());
    }

    @Override
    public void putReaction(MessageId message, MemberId member, String type, Instant at) {
        if (message(message).isEmpty()) {
            throw new NotFoundException("no message " + message);
        }
        db.use(h -> h.createUpdate(putReaction).bind("message_id", message.value()).bind("member_id", member.value())
                .bind("reaction_type", java.util.Objects.requireNonNull(type, "type")).bind("created_at", Rows.ts(at))
                .execute());
    }

    @Override
    public boolean removeReaction(MessageId message, MemberId member) {
        return db.with(h -> h.createUpdate("DELETE FROM conversation_message_reactions WHERE message_id = :message"
                + " AND member_id = :member").bind("message", message.value()).bind("member", member.value()).execute()) > 0;
    }

    @Override
    public Map<MessageId, Map<String, Integer>> reactionCounts(Collection<MessageId> messages) {
        Map<MessageId, Map<String, Integer>> out = new HashMap<>();
        if (messages.isEmpty()) {
            return out;
        }
        db.use(h -> h.createQuery("SELECT message_id, reaction_type, COUNT(*) FROM conversation_message_reactions"
                        + " WHERE message_id IN (<ids>) GROUP BY message_id, reaction_type")
                .bindList("ids", messages.stream().map(MessageId::value).distinct().toList())
                .map((rs, ctx) -> new Object[] {MessageId.of(rs.getLong(1)), rs.getString(2), rs.getInt(3)})
                .forEach(row -> out.computeIfAbsent((MessageId) row[0], k -> new TreeMap<>())
                        .put((String) row[1], (Integer) row[2])));
        return out;
    }

    @Override
    public Map<MessageId, String> reactionsBy(MemberId member, Collection<MessageId> messages) {
        Map<MessageId, String> out = new HashMap<>();
        if (messages.isEmpty()) {
            return out;
        }
        db.use(h -> h.createQuery("SELECT message_id, reaction_type FROM conversation_message_reactions"
                        + " WHERE member_id = :member AND message_id IN (<ids>)")
                .bind("member", member.value())
                .bindList("ids", messages.stream().map(MessageId::value).distinct().toList())
                .map((rs, ctx) -> Map.entry(MessageId.of(rs.getLong(1)), rs.getString(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }
}
