package dev.forumkit.core.conversation;

import dev.forumkit.core.Actor;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.Validation;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.markup.Rendered;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Standing;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.post.PostText;
import dev.forumkit.core.reaction.ReactionType;
import dev.forumkit.core.read.Page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Private conversations: start, reply, invite, leave, read, and blocking members from starting conversations with you.
 * Only participants read a conversation. Everyone else (guests, other members, former participants, and moderators
 * unless a participant reported one of its messages) is told it does not exist, so its existence does not leak. A
 * member who leaves loses the conversation entirely (as XenForo hides it) until a participant invites them again;
 * an invited member reads the whole history.
 */
public final class ConversationService {
    public static final int PER_PAGE = 20;
    private final ServiceContext ctx;
    private final ConversationLimits limits;

    public ConversationService(ServiceContext ctx, ConversationLimits limits) {
        this.ctx = ctx;
        this.limits = limits;
    }

    public ConversationLimits limits() {
        return limits;
    }

    /**
     * Starts a conversation with the named members. {@code openInvite}: whether the others may invite more (the
     * starter always may). Unknown names, the starter's own name, members who block the starter and more recipients than
     * the limit allows are field errors on {@code recipients}; starting too many conversations too fast is refused.
     */
    public Conversation start(Actor actor, String title, String body, List<String> recipients, boolean openInvite) {
        String t = PostText.cleanTitle(title);
        String b = PostText.cleanBody(body);
        List<String> names = names(recipients);
        Validation v = PostText.body(PostText.title(Validation.start(), t), b);
        v.require(!names.isEmpty(), "recipients", "required", "name at least one member to talk with").orThrow();
        Rendered rendered = ctx.render(b);
        return ctx.command(events -> {
            Member me = writer(actor);
            Instant now = ctx.now();
            if (!ctx.standing(me).isStaff()
                    && ctx.storage.conversations().startedSince(me.id(), now.minus(limits.window())) >= limits.startsPerWindow()) {
                throw NotAllowedException.because("rate_limited", "you have started " + limits.startsPerWindow()
                        + " conversations lately; wait a while before starting another");
            }
            List<Member> others = recipients(me, names, Set.of(), 1);
            Conversation c = ctx.storage.conversations().add(Conversation.start(t, me.id(), openInvite, now));
            ctx.storage.conversations().putParticipant(Participant.joining(c.id(), me.id(), now));
            for (Member m : others) {
                ctx.storage.conversations().putParticipant(Participant.joining(c.id(), m.id(), now));
            }
            Message first = post(c, me, b, rendered, now);
            ctx.storage.conversations().putParticipant(
                    ctx.storage.conversations().participant(c.id(), me.id()).orElseThrow().readUpTo(first.id()));
            Set<MemberId> ids = new HashSet<>();
            others.forEach(m -> ids.add(m.id()));
            events.add(new ForumEvent.ConversationStarted(c.id(), first.id(), me.id(), ids, now));
            return ctx.storage.conversations().byId(c.id()).orElseThrow();
        });
    }

    /** A reply by a participant; the author has read up to it. */
    public Message reply(Actor actor, ConversationId id, String body) {
        String b = PostText.cleanBody(body);
        PostText.body(Validation.start(), b).orThrow();
        Rendered rendered = ctx.render(b);
        return ctx.command(events -> {
            Member me = ctx.load(actor);
            Conversation c = participating(me, id);
            writer(actor);
            Instant now = ctx.now();
            Message m = post(c, me, b, rendered, now);
            Participant p = ctx.storage.conversations().participant(id, me.id()).orElseThrow();
            ctx.storage.conversations().putParticipant(p.readUpTo(m.id()));
            events.add(new ForumEvent.ConversationReplied(id, m.id(), me.id(), now));
            return m;
        });
    }

    /**
     * Invites the named members: the starter always may, others when the starter allowed it. A member who left may be
     * invited back. Invited members read the whole history.
     */
    public List<ParticipantView> invite(Actor actor, ConversationId id, List<String> invitees) {
        List<String> names = names(invitees);
        Validation.start().require(!names.isEmpty(), "recipients", "required", "name at least one member to invite").orThrow();
        return ctx.command(events -> {
            Member me = ctx.load(actor);
            Conversation c = participating(me, id);
            writer(actor);
            if (!c.openInvite() && !c.starter().equals(me.id())) {
                throw new NotAllowedException("only the starter may invite members to this conversation");
            }
            Set<MemberId> active = new HashSet<>();
            ctx.storage.conversations().participants(id).stream().filter(Participant::isActive)
                    .forEach(p -> active.add(p.member()));
            List<Member> invited = recipients(me, names, active, active.size());
            Instant now = ctx.now();
            Set<MemberId> ids = new HashSet<>();
            for (Member m : invited) {
                Participant p = ctx.storage.conversations().participant(id, m.id())
                        .map(old -> old.rejoining(now)).orElse(Participant.joining(id, m.id(), now));
                ctx.storage.conversations().putParticipant(p);
                ids.add(m.id());
            }
            events.add(new ForumEvent.ConversationInvited(id, me.id(), ids, now));
            return participantViews(id);
        });
    }

    /** Leaves the conversation: it is gone from the member's list and pages until someone invites them again. */
    public void leave(Actor actor, ConversationId id) {
        ctx.command(events -> {
            Member me = ctx.load(actor);
            participating(me, id);
            Instant now = ctx.now();
            Participant p = ctx.storage.conversations().participant(id, me.id()).orElseThrow();
            ctx.storage.conversations().putParticipant(p.leaving(now));
            events.add(new ForumEvent.ConversationLeft(id, me.id(), now));
            return null;
        });
    }

    /** Page n of the member's conversations, most recent message first. */
    public Page<ConversationSummary> list(Actor actor, int page) {
        if (page < 1) {
            throw InvalidInputException.of("page", "out_of_range", "pages start at 1");
        }
        return ctx.storage.transactions().readOnly(() -> {
            Member me = ctx.requireMember(actor);
            Conversations store = ctx.storage.conversations();
            long total = store.countOfMember(me.id());
            List<ConversationSummary> items = new ArrayList<>();
            for (Conversation c : store.ofMember(me.id(), (page - 1) * PER_PAGE, PER_PAGE)) {
                List<Participant> ps = store.participants(c.id());
                Map<MemberId, Member> people = ctx.storage.members().byIds(ps.stream().map(Participant::member).toList());
                boolean unread = ps.stream().filter(p -> p.member().equals(me.id())).findFirst()
                        .map(p -> p.hasUnread(c.lastMessage())).orElse(false);
                List<String> others = ps.stream().filter(p -> p.isActive() && !p.member().equals(me.id()))
                        .map(p -> name(people.get(p.member()))).toList();
                items.add(new ConversationSummary(c, others, name(people.get(c.starter())), unread));
            }
            return new Page<>(items, page, Page.lastPage(total, PER_PAGE), PER_PAGE, total);
        });
    }

    /** How many of the member's conversations have unread messages (0 for guests): the header's count. */
    public long unreadCount(Actor actor) {
        return actor.memberId().map(id -> ctx.storage.transactions().readOnly(() -> ctx.storage.conversations().countUnread(id)))
                .orElse(0L);
    }

    /**
     * Page n of the conversation's messages, oldest first. A participant has then read up to the page's last message
     * (one small write, only when that is news).
     */
    public ConversationPage read(Actor actor, ConversationId id, int page) {
        if (page < 1) {
            throw InvalidInputException.of("page", "out_of_range", "pages start at 1");
        }
        ConversationPage shown = ctx.storage.transactions().readOnly(() -> {
            Member me = ctx.load(actor);
            Conversation c = readable(me, id);
            Participant mine = ctx.storage.conversations().participant(id, me.id()).filter(Participant::isActive).orElse(null);
            long total = c.messageCount();
            List<Message> messages = ctx.storage.conversations().messages(id, (page - 1) * PER_PAGE, PER_PAGE);
            Set<MemberId> ignored = new HashSet<>(ctx.storage.ignores().ignoredBy(me.id()));
            Map<MemberId, Member> authors = ctx.storage.members().byIds(messages.stream().map(Message::author).toList());
            List<MessageId> ids = messages.stream().map(Message::id).toList();
            // reactions are the participants' own business: staff reading a reported conversation do not see them
            Map<MessageId, Map<String, Integer>> counts = mine == null ? Map.of()
                    : ctx.storage.conversations().reactionCounts(ids);
            Map<MessageId, String> own = mine == null ? Map.of() : ctx.storage.conversations().reactionsBy(me.id(), ids);
            boolean reacts = mine != null && ctx.policy.allows(ctx.standing(me), Action.REACT, Target.content(false, false, false))
                    && ctx.policy.verifiedEnough(me, Action.REACT);
            List<MessageView> views = messages.stream().map(m -> new MessageView(m, name(authors.get(m.author())),
                    mine != null && mine.lastRead() != null && m.id().value() > mine.lastRead().value()
                            || mine != null && mine.lastRead() == null, ignored.contains(m.author()),
                    counts.getOrDefault(m.id(), Map.of()), own.get(m.id()),
                    reacts && !m.author().equals(me.id()))).toList();
            boolean writer = mine != null && canWrite(me);
            return new ConversationPage(c, participantViews(id),
                    new Page<>(views, page, Page.lastPage(total, PER_PAGE), PER_PAGE, total),
                    writer, writer && (c.openInvite() || c.starter().equals(me.id())), mine != null);
        });
        List<MessageView> items = shown.messages().items();
        if (shown.canLeave() && !items.isEmpty() && items.stream().anyMatch(MessageView::unread)) {
            MessageId last = items.get(items.size() - 1).message().id();
            MemberId me = actor.memberId().orElseThrow();
            ctx.storage.transactions().run(() -> ctx.storage.conversations().participant(id, me)
                    .filter(Participant::isActive)
                    .ifPresent(p -> ctx.storage.conversations().putParticipant(p.readUpTo(last))));
        }
        return shown;
    }

    /** The page of the conversation a message is on, for links to it; the same access as reading. */
    public int pageOf(Actor actor, MessageId messageId) {
        return ctx.storage.transactions().readOnly(() -> {
            Member me = ctx.load(actor);
            Message m = ctx.storage.conversations().message(messageId)
                    .orElseThrow(() -> new NotFoundException("no message " + messageId));
            readable(me, m.conversation());
            List<Message> all = ctx.storage.conversations().messages(m.conversation(), 0, Integer.MAX_VALUE);
            int index = 0;
            while (index < all.size() && !all.get(index).id().equals(messageId)) {
                index++;
            }
            return index / PER_PAGE + 1;
        });
    }

    /** A message the actor may read (for quoting and reporting); otherwise not found. */
    public Message message(Actor actor, MessageId messageId) {
        return ctx.storage.transactions().readOnly(() -> {
            Member me = ctx.load(actor);
            Message m = ctx.storage.conversations().message(messageId)
                    .orElseThrow(() -> new NotFoundException("no message " + messageId));
            readable(me, m.conversation());
            return m;
        });
    }

    /**
     * Sets the actor's reaction on a message (the same types as post reactions; the same type twice changes nothing).
     * Only active participants react, never to their own messages, as with posts. These reactions stay inside the
     * conversation: they do not count toward anyone's public reaction score.
     */
    public MessageReactions react(Actor actor, MessageId messageId, String type) {
        return changeReaction(actor, messageId, type == null ? "" : type);
    }

    /** Removes the actor's reaction on a message, if any. */
    public MessageReactions unreact(Actor actor, MessageId messageId) {
        return changeReaction(actor, messageId, null);
    }

    private MessageReactions changeReaction(Actor actor, MessageId messageId, String newType) {
        return ctx.command(events -> {
            Member me = ctx.load(actor);
            Message m = ctx.storage.conversations().message(messageId)
                    .orElseThrow(() -> new NotFoundException("no message " + messageId));
            participating(me, m.conversation()); // first, so outsiders get 404 whatever they send
            if (newType != null && ctx.reactionTypes.byKey(newType).isEmpty()) {
                throw InvalidInputException.of("type", "unknown_reaction", "unknown reaction type: " + newType
                        + "; known: " + ctx.reactionTypes.all().stream().map(ReactionType::key).toList());
            }
            ctx.policy.check(ctx.standing(me), Action.REACT, Target.content(m.author().equals(me.id()), false, false));
            if (newType != null) { // taking a reaction back never waits for verification
                ctx.policy.checkVerified(me, Action.REACT);
                ctx.storage.conversations().putReaction(messageId, me.id(), newType, ctx.now());
            } else {
                ctx.storage.conversations().removeReaction(messageId, me.id());
            }
            Map<String, Integer> counts = ctx.storage.conversations().reactionCounts(List.of(messageId))
                    .getOrDefault(messageId, Map.of());
            return new MessageReactions(messageId, counts, newType);
        });
    }

    /** Stops the named member from starting conversations with the actor or inviting them. */
    public void block(Actor actor, String username) {
        ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            Member other = byName(username, "username");
            if (other.id().equals(me.id())) {
                throw InvalidInputException.of("username", "self", "you cannot block yourself");
            }
            ctx.storage.conversations().block(me.id(), other.id());
            return null;
        });
    }

    public void unblock(Actor actor, String username) {
        ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            ctx.storage.conversations().unblock(me.id(), byName(username, "username").id());
            return null;
        });
    }

    /** The names of the members the actor blocks, in the order they were first blocked by id. */
    public List<String> blocked(Actor actor) {
        return ctx.storage.transactions().readOnly(() -> {
            Member me = ctx.requireMember(actor);
            List<MemberId> ids = ctx.storage.conversations().blockedBy(me.id());
            Map<MemberId, Member> people = ids.isEmpty() ? Map.of() : ctx.storage.members().byIds(ids);
            return ids.stream().filter(people::containsKey).map(i -> people.get(i).username()).toList();
        });
    }

    private Message post(Conversation c, Member me, String body, Rendered rendered, Instant now) {
        return ctx.storage.conversations().addMessage(
                Message.write(c.id(), me.id(), body, rendered.html(), rendered.rendererVersion(), now));
    }

    /** Who may read: active participants, and staff once a participant reported a message. Otherwise not found. */
    private Conversation readable(Member me, ConversationId id) {
        Conversation c = ctx.storage.conversations().byId(id).orElse(null);
        if (c == null || me == null) {
            throw missing(id);
        }
        boolean taking = ctx.storage.conversations().participant(id, me.id()).filter(Participant::isActive).isPresent();
        if (!taking && !(c.reported() && ctx.standing(me).isStaff())) {
            throw missing(id);
        }
        return c;
    }

    /** Only active participants write: for everyone else the conversation does not exist. */
    private Conversation participating(Member me, ConversationId id) {
        Conversation c = ctx.storage.conversations().byId(id).orElse(null);
        if (c == null || me == null
                || ctx.storage.conversations().participant(id, me.id()).filter(Participant::isActive).isEmpty()) {
            throw missing(id);
        }
        return c;
    }

    private static NotFoundException missing(ConversationId id) {
        return new NotFoundException("no conversation " + id);
    }

    private boolean canWrite(Member me) {
        return ctx.standing(me) != Standing.BANNED && ctx.policy.verifiedEnough(me, Action.REPLY);
    }

    /** The acting member, allowed to write: signed in, not banned, verified if the forum asks for it. */
    private Member writer(Actor actor) {
        Member me = ctx.requireMember(actor);
        if (ctx.standing(me) == Standing.BANNED) {
            throw new NotAllowedException("banned members cannot write in conversations");
        }
        ctx.policy.checkVerified(me, Action.REPLY);
        return me;
    }

    /**
     * The members named, none of them {@code me} or already in {@code present}, none blocking {@code me}, and at most
     * as many as fit beside {@code taken} participants.
     */
    private List<Member> recipients(Member me, List<String> names, Set<MemberId> present, int taken) {
        if (taken + names.size() > limits.maxParticipants()) { // before looking up a flood of names
            throw InvalidInputException.of("recipients", "too_many",
                    "a conversation has at most " + limits.maxParticipants() + " participants");
        }
        Map<MemberId, Member> found = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> refusing = new ArrayList<>();
        for (String n : names) {
            Member m = ctx.storage.members().byUsername(n).orElse(null);
            if (m == null) {
                unknown.add(n);
            } else if (m.id().equals(me.id())) {
                throw InvalidInputException.of("recipients", "self", "you are in the conversation already");
            } else if (present.contains(m.id())) {
                throw InvalidInputException.of("recipients", "present", m.username() + " is in the conversation already");
            } else if (ctx.storage.conversations().blockedBy(m.id()).contains(me.id())) {
                refusing.add(m.username());
            } else {
                found.put(m.id(), m);
            }
        }
        Validation.start()
                .require(unknown.isEmpty(), "recipients", "unknown_member", "no member is called " + String.join(", ", unknown))
                .require(refusing.isEmpty(), "recipients", "blocked",
                        String.join(", ", refusing) + " does not accept conversations from you")
                .require(taken + found.size() <= limits.maxParticipants(), "recipients", "too_many",
                        "a conversation has at most " + limits.maxParticipants() + " participants")
                .orThrow();
        return List.copyOf(found.values());
    }

    private List<ParticipantView> participantViews(ConversationId id) {
        List<Participant> ps = ctx.storage.conversations().participants(id);
        Map<MemberId, Member> people = ctx.storage.members().byIds(ps.stream().map(Participant::member).toList());
        return ps.stream().map(p -> new ParticipantView(p.member(), name(people.get(p.member())), p.isActive())).toList();
    }

    private Member byName(String username, String field) {
        String n = username == null ? "" : username.strip();
        return ctx.storage.members().byUsername(n)
                .orElseThrow(() -> InvalidInputException.of(field, "unknown_member", "no member is called " + n));
    }

    /** Recipient names from a form's comma-separated list or an API's array: trimmed, no blanks, no repeats. */
    private static List<String> names(List<String> raw) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String item : raw == null ? List.<String>of() : raw) {
            for (String part : (item == null ? "" : item).split(",")) {
                String n = part.strip();
                if (!n.isEmpty() && seen.add(n.toLowerCase(java.util.Locale.ROOT))) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    private static String name(Member m) {
        return m == null ? "a former member" : m.username();
    }
}
