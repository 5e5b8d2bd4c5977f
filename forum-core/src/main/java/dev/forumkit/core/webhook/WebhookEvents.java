package dev.forumkit.core.webhook;

import dev.forumkit.core.event.EventCodec;
import dev.forumkit.core.event.EventDelivery;
import dev.forumkit.core.event.ForumEvent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The events webhooks may subscribe to, by their public names, and the body each delivery sends:
 * {@code {"id": "forumkit-event-42", "type": "post.created", "created_at": "...", "data": {...}}}, {@code data} being
 * the event's fields in snake_case (ids as numbers). Account events (passwords, e-mail addresses) are never sent.
 */
public final class WebhookEvents {
    private static final Map<Class<? extends ForumEvent>, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(ForumEvent.ThreadStarted.class, "thread.created");
        NAMES.put(ForumEvent.ThreadDeleted.class, "thread.deleted");
        NAMES.put(ForumEvent.ThreadRestored.class, "thread.restored");
        NAMES.put(ForumEvent.ThreadMoved.class, "thread.moved");
        NAMES.put(ForumEvent.ThreadLockChanged.class, "thread.lock_changed");
        NAMES.put(ForumEvent.ThreadPinChanged.class, "thread.pin_changed");
        NAMES.put(ForumEvent.PostCreated.class, "post.created");
        NAMES.put(ForumEvent.PostEdited.class, "post.updated");
        NAMES.put(ForumEvent.PostDeleted.class, "post.deleted");
        NAMES.put(ForumEvent.PostRestored.class, "post.restored");
        NAMES.put(ForumEvent.ReactionChanged.class, "reaction.changed");
        NAMES.put(ForumEvent.MemberRegistered.class, "member.registered");
        NAMES.put(ForumEvent.MemberRoleChanged.class, "member.role_changed");
        NAMES.put(ForumEvent.MemberBanned.class, "member.banned");
        NAMES.put(ForumEvent.MemberUnbanned.class, "member.unbanned");
    }

    /** Every name a webhook may subscribe to. */
    public static final Set<String> TYPES = Set.copyOf(NAMES.values());

    private WebhookEvents() {
    }

    /** The public name of the event, or null for one webhooks never get. */
    public static String typeOf(ForumEvent event) {
        return NAMES.get(event.getClass());
    }

    /** The body sent for the event, the same on every attempt. */
    public static String payload(EventDelivery d, String type) {
        StringBuilder out = new StringBuilder("{\"id\":\"").append(d.idempotencyKey()).append("\",\"type\":\"")
                .append(type).append("\",\"created_at\":\"").append(d.createdAt()).append("\",\"data\":");
        return out.append(snakeKeys(EventCodec.encode(d.event()).payload())).append('}').toString();
    }

    /** The flat payload's keys in snake_case, as the JSON API spells them; values are copied untouched. */
    static String snakeKeys(String flat) {
        StringBuilder out = new StringBuilder(flat.length() + 16);
        boolean inString = false;
        boolean keyNext = false;
        int depth = 0;
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(flat.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"' && keyNext && depth == 1) {
                int end = flat.indexOf('"', i + 1); // keys are record component names: no escapes in them
                out.append('"').append(snake(flat.substring(i + 1, end))).append('"');
                i = end;
                keyNext = false;
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
                keyNext = c == '{' && depth == 1;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 1) {
                keyNext = true;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String snake(String camel) {
        StringBuilder s = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                s.append('_').append(Character.toLowerCase(c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
