package dev.forumkit.core.memory;

import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.conversation.Conversation;
import dev.forumkit.core.conversation.ConversationId;
import dev.forumkit.core.conversation.Conversations;
import dev.forumkit.core.conversation.Message;
import dev.forumkit.core.conversation.MessageId;
import dev.forumkit.core.conversation.Participant;
import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

final class InMemoryConversations implements Conversations {
    /** (left, right): a participant's key (conversation, member) or a block's (member, blocked). */
    record Pair(long left, long right) implements Comparable<Pair> {
        @Override
        public int compareTo(Pair o) {
            int c = Long.compare(left, o.left);
            return c != 0 ? c : Long.compare(right, o.right);
        }
    }

    private static final Comparator<Conversation> RECENT_FIRST = Comparator.comparing(Conversation::lastMessageAt)
            .thenComparing(c -> c.id().value()).reversed();
    private static final Comparator<Participant> JOIN_ORDER = Comparator.comparing(Participant::joinedAt)
            .thenComparing(p -> p.member().value());
    private final Tables db;
    private final Tables.TxMap<Long, Conversation> conversations;
    private final Tables.TxMap<Long, Message> messages;
    private final Tables.TxMap<Pair, Participant> participants;
    private final Tables.TxMap<Pair, Boolean> blocks;
    /** (message, member) to the reaction type. */
    private final Tables.TxMap<Pair, String> reactions;

    InMemoryConversations(Tables db) {
        this.db = db;
        this.conversations = db.map();
        this.messages = db.map();
        this.participants = db.map();
        this.blocks = db.map();
        this.reactions = db.map();
    }

    @Override
    public Conversation add(Conversation conversation) {
        return db.write(() -> {
            Conversation stored = conversation.withId(ConversationId.of(db.nextId()));
            conversations.put(stored.id().value(), stored);
            return stored;
        });
    }

    @Override
    public Optional<Conversation> byId(ConversationId id) {
        return db.read(() -> Optional.ofNullable(conversations.get(id.value())));
    }

    @Override
    public void update(Conversation conversation) {
        db.run(() -> {
            Conversation old = conversations.get(conversation.id().value());
            if (old == null) {
                throw new NotFoundException("no conversation " + conversation.id());
            }
            conversations.put(old.id().value(), new Conversation(old.id(), conversation.title(), old.starter(),
                    conversation.openInvite(), old.createdAt(), old.lastMessage(), old.lastMessageAt(), old.messageCount(),
                    conversation.reported()));
        });
    }

    @Override
    public Message addMessage(Message message) {
        return db.write(() -> {
            Conversation c = conversations.get(message.conversation().value());
            if (c == null) {
                throw new NotFoundException("no conversation " + message.conversation());
            }
            Message stored = message.withId(MessageId.of(db.nextId()));
            messages.put(stored.id().value(), stored);
            conversations.put(c.id().value(), c.withMessage(stored));
            return stored;
        });
    }

    @Override
    public Optional<Message> message(MessageId id) {
        return db.read(() -> Optional.ofNullable(messages.get(id.value())));
    }

    @Override
    public List<Message> messages(ConversationId id, int offset, int limit) {
        return db.read(() -> messages.values().stream().filter(m -> m.conversation().equals(id))
                .skip(offset).limit(limit).toList());
    }

    @Override
    public void putParticipant(Participant participant) {
        db.run(() -> {
            if (conversations.get(participant.conversation().value()) == null) {
                throw new NotFoundException("no conversation " + participant.conversation());
            }
            participants.put(new Pair(participant.conversation().value(), participant.member().value()), participant);
        });
    }

    @Override
    public Optional<Participant> participant(ConversationId id, MemberId member) {
        return db.read(() -> Optional.ofNullable(participants.get(new Pair(id.value(), member.value()))));
    }

    @Override
    public List<Participant> participants(ConversationId id) {
        return db.read(() -> participants.range(new Pair(id.value(), Long.MIN_VALUE), new Pair(id.value(), Long.MAX_VALUE))
                .values().stream().sorted(JOIN_ORDER).toList());
    }

    @Override
    public List<Conversation> ofMember(MemberId member, int offset, int limit) {
        return db.read(() -> active(member).sorted(RECENT_FIRST).skip(offset).limit(limit).toList());
    }

    @Override
    public long countOfMember(MemberId member) {
        return db.read(() -> active(member).count());
    }

    @Override
    public long countUnread(MemberId member) {
        return db.read(() -> participants.values().stream()
                .filter(p -> p.member().equals(member) && p.isActive())
                .filter(p -> p.hasUnread(conversations.get(p.conversation().value()).lastMessage())).count());
    }

    @Override
    public long startedSince(MemberId member, Instant since) {
        return db.read(() -> conversations.values().stream()
                .filter(c -> c.starter().equals(member) && !c.createdAt().isBefore(since)).count());
    }

    @Override
    public void block(MemberId member, MemberId blocked) {
        db.run(() -> blocks.put(new Pair(member.value(), blocked.value()), Boolean.TRUE));
    }

    @Override
    public boolean unblock(MemberId member, MemberId blocked) {
        return db.write(() -> blocks.remove(new Pair(member.value(), blocked.value())) != null);
    }

    @Override
    public List<MemberId> blockedBy(MemberId member) {
        return db.read(() -> blocks.range(new Pair(member.value(), Long.MIN_VALUE), new Pair(member.value(), Long.MAX_VALUE))
                .keySet().stream().map(k -> MemberId.of(k.right())).toList());
    }

    @Override
    public void putReaction(MessageId message, MemberId member, String type, Instant at) {
        db.run(() -> {
            if (messages.get(message.value()) == null) {
                throw new NotFoundException("no message " + message);
            }
            reactions.put(new Pair(message.value(), member.value()), java.util.Objects.requireNonNull(type, "type"));
        });
    }

    @Override
    public boolean removeReaction(MessageId message, MemberId member) {
        return db.write(() -> reactions.remove(new Pair(message.value(), member.value())) != null);
    }

    @Override
    public Map<MessageId, Map<String, Integer>> reactionCounts(Collection<MessageId> ids) {
        return db.read(() -> {
            Map<MessageId, Map<String, Integer>> out = new HashMap<>();
            for (MessageId id : ids) {
                for (String type : onMessage(id).values()) {
                    out.computeIfAbsent(id, k -> new TreeMap<>()).merge(type, 1, Integer::sum);
                }
            }
            return out;
        });
    }

    @Override
    public Map<MessageId, String> reactionsBy(MemberId member, Collection<MessageId> ids) {
        return db.read(() -> {
            Map<MessageId, String> out = new HashMap<>();
            for (MessageId id : ids) {
                String type = reactions.get(new Pair(id.value(), member.value()));
                if (type != null) {
                    out.put(id, type);
                }
            }
            return out;
        });
    }

    private Map<Pair, String> onMessage(MessageId id) {
        return reactions.range(new Pair(id.value(), Long.MIN_VALUE), new Pair(id.value(), Long.MAX_VALUE));
    }

    private java.util.stream.Stream<Conversation> active(MemberId member) {
        return participants.values().stream().filter(p -> p.member().equals(member) && p.isActive())
                .map(p -> conversations.get(p.conversation().value()));
    }
}
