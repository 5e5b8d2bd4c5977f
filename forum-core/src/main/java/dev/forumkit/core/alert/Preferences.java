package dev.forumkit.core.alert;

import dev.forumkit.core.member.MemberId;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A member's alert settings: a {@link Delivery} per kind (kinds not named are {@code ON_SITE}) and whether threads
 * they start or reply to are watched for them (on by default), with or without e-mail.
 */
public record Preferences(MemberId member, Map<AlertKind, Delivery> deliveries, boolean autoWatch, boolean autoWatchEmail) {
    public Preferences {
        Objects.requireNonNull(member, "member");
        EnumMap<AlertKind, Delivery> copy = new EnumMap<>(AlertKind.class);
        deliveries.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "kind"), Objects.requireNonNull(v, "delivery")));
        copy.values().removeIf(d -> d == Delivery.ON_SITE); // the default is not stored: one way to say each thing
        deliveries = Map.copyOf(copy);
    }

    /** What a member who never changed anything has. */
    public static Preferences defaults(MemberId member) {
        return new Preferences(member, Map.of(), true, false);
    }

    public Delivery delivery(AlertKind kind) {
        return deliveries.getOrDefault(kind, Delivery.ON_SITE);
    }

    public Preferences with(AlertKind kind, Delivery delivery) {
        Map<AlertKind, Delivery> changed = new EnumMap<>(AlertKind.class);
        changed.putAll(deliveries);
        changed.put(kind, delivery);
        return new Preferences(member, changed, autoWatch, autoWatchEmail);
    }

    public Preferences withAutoWatch(boolean watch, boolean email) {
        return new Preferences(member, deliveries, watch, watch && email);
    }
}
