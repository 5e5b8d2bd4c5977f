package dev.forumkit.core.conversation;

import dev.forumkit.core.internal.MailTexts;

import dev.forumkit.core.alert.AlertKind;
import dev.forumkit.core.alert.Delivery;
import dev.forumkit.core.alert.Preferences;
import dev.forumkit.core.event.EventDelivery;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.internal.MailOut;
import dev.forumkit.core.mail.Email;
import dev.forumkit.core.mail.EmailAddress;
import dev.forumkit.core.mail.Mailer;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.storage.ForumStorage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * E-mails participants about new conversations, messages and invitations, for the outbox's mail consumer. A
 * participant gets one when their delivery for {@link AlertKind#CONVERSATION_MESSAGE} is {@code EMAIL}, they still take
 * part, and they do not ignore the writer. Each e-mail's key names the event and the recipient, so one sent again after
 * a crash keeps its Message-ID (docs/conversations.md).
 */
public final class ConversationMail {
    private final ForumStorage storage;
    private final Mailer mailer;
    private final String publicUrl;
    /** The language of the e-mails to members who chose none. */
    private final java.util.Locale locale;

    public ConversationMail(ForumStorage storage, Mailer mailer, String publicUrl) {
        this(storage, mailer, publicUrl, java.util.Locale.ENGLISH);
    }

    public ConversationMail(ForumStorage storage, Mailer mailer, String publicUrl, java.util.Locale locale) {
        this.locale = locale;
        this.storage = storage;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
    }

    /** Whether the mail consumer must record its position right after this event (it sends e-mail for it). */
    public static boolean sendsFor(ForumEvent e) {
        return e instanceof ForumEvent.ConversationStarted || e instanceof ForumEvent.ConversationReplied
                || e instanceof ForumEvent.ConversationInvited;
    }

    public void send(EventDelivery d) {
        if (!sendsFor(d.event())) {
            return;
        }
        List<Notice> notices = storage.transactions().readOnly(() -> plan(d.event()));
        for (Notice n : notices) {
            MailOut.send(mailer, () -> Email.plain(EmailAddress.of(n.to().email()), n.subject(), n.text(),
                    "conversation:" + d.position() + ":" + n.to().id()), "a conversation e-mail to member " + n.to().id());
        }
    }

    private record Notice(Member to, String subject, String text) {
    }

    private List<Notice> plan(ForumEvent event) {
        ConversationId id;
        MemberId actor;
        Collection<MemberId> recipients;
        MessageId messageId;
        boolean invitation = false;
        if (event instanceof ForumEvent.ConversationStarted e) {
            id = e.conversation();
            actor = e.starter();
            recipients = e.recipients();
            messageId = e.message();
        } else if (event instanceof ForumEvent.ConversationReplied e) {
            id = e.conversation();
            actor = e.author();
            recipients = storage.conversations().participants(id).stream().filter(Participant::isActive)
                    .map(Participant::member).filter(m -> !m.equals(e.author())).toList();
            messageId = e.message();
        } else if (event instanceof ForumEvent.ConversationInvited e) {
            id = e.conversation();
            actor = e.by();
            recipients = e.invited();
            messageId = null;
            invitation = true;
        } else {
            return List.of();
        }
        Conversation c = storage.conversations().byId(id).orElse(null);
        Member writer = storage.members().byId(actor).orElse(null);
        if (c == null || writer == null || recipients.isEmpty()) {
            return List.of();
        }
        Message message = messageId == null ? null : storage.conversations().message(messageId).orElse(null);
        Map<MemberId, Preferences> prefs = storage.alertPreferences().byMembers(recipients);
        Map<MemberId, Member> people = storage.members().byIds(recipients);
        Set<MemberId> ignoring = storage.ignores().ignorersOf(actor);
        Map<MemberId, dev.forumkit.core.profile.Profile> profiles = storage.profiles().byMembers(recipients);
        List<Notice> out = new ArrayList<>();
        String link = publicUrl + "/conversations/" + id.value() + "/";
        for (MemberId r : recipients) {
            Member to = people.get(r);
            Preferences p = prefs.getOrDefault(r, Preferences.defaults(r));
            boolean active = storage.conversations().participant(id, r).filter(Participant::isActive).isPresent();
            if (to == null || !active || ignoring.contains(r) || p.delivery(AlertKind.CONVERSATION_MESSAGE) != Delivery.EMAIL) {
                continue;
            }
            dev.forumkit.core.profile.Profile profile = profiles.get(r);
            String own = profile == null ? null : profile.language();
            MailTexts t = MailTexts.of(own != null && MailTexts.supports(java.util.Locale.forLanguageTag(own))
                    ? java.util.Locale.forLanguageTag(own) : locale);
            String subject = t.t(invitation ? "conversation.invited" : "conversation.wrote", writer.username(), c.title());
            String text = t.t("hello", to.username()) + "\n\n" + t.t("notify.sentence", subject) + "\n\n"
                    + (message == null ? "" : message.body() + "\n\n")
                    + t.t("conversation.read") + " " + link + "\n\n"
                    + t.t("conversation.because") + " " + publicUrl + "/account/alert-preferences\n";
            out.add(new Notice(to, subject, text));
        }
        return out;
    }
}
