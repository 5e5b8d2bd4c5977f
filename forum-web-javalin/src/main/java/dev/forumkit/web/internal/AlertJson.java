package dev.forumkit.web.internal;

import dev.forumkit.core.alert.AlertEntry;
import dev.forumkit.core.alert.AlertId;
import dev.forumkit.core.alert.AlertKind;
import dev.forumkit.core.alert.Delivery;
import dev.forumkit.core.alert.IgnoredMember;
import dev.forumkit.core.alert.Preferences;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An entry of the alert list as the API shows it. Titles are left out when the viewer may no longer see the content
 * ({@code content_visible} false): an alert must not keep showing what a deletion hid. An alert about something
 * outside threads has no {@code thread_id}: a report of a member's profile names the member ({@code profile}), a
 * webhook the forum disabled names the webhook ({@code webhook}, for admins); such a system alert has no
 * {@code latest_actor}.
 */
public record AlertJson(long id, List<Long> ids, String kind, Long threadId, Long postId, Long boardId,
                        String threadTitle, String boardTitle, ActorJson profile, WebhookJson webhook,
                        ActorJson latestActor, int otherActors, String detail, Instant createdAt, boolean isRead,
                        boolean contentVisible) {

    /** A member: who did the newest of the entry's alerts, or whose profile it is about; the name is null if gone. */
    public record ActorJson(long id, String username) {
    }

    /** The webhook a system alert is about; its URL is null once it is removed. */
    public record WebhookJson(long id, String url) {
    }

    public static AlertJson from(AlertEntry e) {
        boolean shown = e.contentVisible();
        return new AlertJson(e.ids().get(0).value(), e.ids().stream().map(AlertId::value).toList(), name(e.kind()),
                e.thread() == null ? null : e.thread().value(), e.post() == null ? null : e.post().value(),
                e.board() == null ? null : e.board().value(), shown ? e.threadTitle() : null, shown ? e.boardTitle() : null,
                e.profile() == null ? null : new ActorJson(e.profile().value(), shown ? e.profileName() : null),
                e.webhook() == null ? null : new WebhookJson(e.webhook().value(), shown ? e.webhookUrl() : null),
                e.latestActor() == null ? null : new ActorJson(e.latestActor().value(), e.latestActorName()),
                e.otherActors(), e.detail(), e.at(), e.read(), shown);
    }

    /** A member's preferences: every kind with its delivery, and auto-watch. */
    public record PreferencesJson(Map<String, String> deliveries, boolean autoWatch, boolean autoWatchEmail) {
        public static PreferencesJson from(Preferences p) {
            Map<String, String> out = new LinkedHashMap<>();
            for (AlertKind kind : AlertKind.values()) {
                out.put(name(kind), name(p.delivery(kind)));
            }
            return new PreferencesJson(out, p.autoWatch(), p.autoWatchEmail());
        }
    }

    public record IgnoredJson(long id, String username) {
        public static IgnoredJson from(IgnoredMember m) {
            return new IgnoredJson(m.id().value(), m.username());
        }
    }

    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** A kind by its API name ({@code reply}, {@code new_thread}, ...); unknown names are the field's error. */
    public static AlertKind kind(String name, String field) {
        return parse(AlertKind.class, name, field, "unknown_kind", "is not an alert kind");
    }

    /** {@code off}, {@code on_site} or {@code email}; anything else is the field's error. */
    public static Delivery delivery(String name, String field) {
        return parse(Delivery.class, name, field, "unknown_delivery", "must be off, on_site or email");
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String field, String code, String problem) {
        if (name != null) {
            try {
                return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // falls through to the field's error
            }
        }
        throw dev.forumkit.core.InvalidInputException.of(field, code, (name == null ? "nothing" : "'" + name + "'") + " " + problem);
    }
}
