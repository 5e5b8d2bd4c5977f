package dev.forumkit.core.event;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.content.ThreadId;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    /** Every permitted event, filled with sample values (and once with nulls where allowed), survives a round trip. */
    @Test
    void everyEventTypeRoundTrips() throws Exception {
        Class<?>[] types = ForumEvent.class.getPermittedSubclasses();
        assertThat(types).isNotEmpty();
        for (Class<?> type : types) {
            for (boolean nulls : new boolean[] {false, true}) {
                ForumEvent event = sample(type, nulls);
                EncodedEvent encoded = EventCodec.encode(event);

                assertThat(encoded.type()).isEqualTo(type.getSimpleName());
                assertThat(EventCodec.decode(encoded)).as(encoded.toString()).isEqualTo(event);
            }
        }
    }

    @Test
    void thePayloadIsReadableJson() {
        var created = new ForumEvent.PostCreated(PostId.of(7), ThreadId.of(3), 2, MemberId.of(5),
                Instant.parse("2026-03-01T12:00:00.123456Z"), Set.of(MemberId.of(9), MemberId.of(4)));

        assertThat(EventCodec.encode(created).payload()).isEqualTo(
                "{\"post\":7,\"thread\":3,\"number\":2,\"author\":5,\"at\":\"2026-03-01T12:00:00.123456Z\",\"mentions\":[4,9],\"quotes\":[]}");
    }

    @Test
    void stringsWithQuotesAndControlCharactersSurvive() {
        var reaction = new ForumEvent.ReactionChanged(PostId.of(1), MemberId.of(2), MemberId.of(3), "say \"hi\"\\\n\t\u0001é",
                null, Instant.EPOCH);

        assertThat(EventCodec.decode(EventCodec.encode(reaction))).isEqualTo(reaction);
    }

    @Test
    void aComponentAddedLaterIsNullInAPayloadWrittenBeforeItAndOnlyThere() {
        var stored = new EncodedEvent("PostDeleted", "{\"post\":7,\"thread\":3,\"by\":2,\"at\":\"2026-03-01T12:00:00Z\"}");
        assertThat(EventCodec.decode(stored)).isEqualTo(new ForumEvent.PostDeleted(PostId.of(7), ThreadId.of(3),
                MemberId.of(2), Instant.parse("2026-03-01T12:00:00Z"), null));
        var now = new ForumEvent.PostRestored(PostId.of(7), ThreadId.of(3), MemberId.of(2), Instant.EPOCH, MemberId.of(5));
        assertThat(EventCodec.encode(now).payload()).contains("\"author\":5");
        assertThat(EventCodec.decode(EventCodec.encode(now))).isEqualTo(now);
        // a component not marked stays required
        assertThatThrownBy(() -> EventCodec.decode(new EncodedEvent("PostDeleted", "{\"post\":7,\"thread\":3,\"at\":\"2026-03-01T12:00:00Z\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks by");
    }

    @Test
    void onlyObjectComponentsMayBeAddedLater() {
        for (Class<?> type : EventCodec.types().values()) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.isAnnotationPresent(AddedLater.class)) {
                    assertThat(c.getType().isPrimitive()).as(type.getSimpleName() + "." + c.getName()).isFalse();
                }
            }
        }
    }

    @Test
    void badInputIsAClearError() {
        assertThatThrownBy(() -> EventCodec.decode(new EncodedEvent("Nope", "{}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown event type Nope");
        assertThatThrownBy(() -> EventCodec.decode(new EncodedEvent("PasswordChanged", "{\"member\":1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected");
        assertThatThrownBy(() -> EventCodec.decode(new EncodedEvent("PasswordChanged", "{\"member\":1}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks at");
        assertThatThrownBy(() -> EventCodec.decode(new EncodedEvent("PasswordChanged", "{\"member\":\"x\",\"at\":\"2026-01-01T00:00:00Z\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PasswordChanged.member");
        assertThatThrownBy(() -> EventCodec.decode(new EncodedEvent("PasswordChanged", "{\"member\":0,\"at\":\"2026-01-01T00:00:00Z\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> EventCodec.decode(new EncodedEvent("PasswordChanged", "{\"member\":1,\"at\":\"yesterday\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PasswordChanged.at");
    }

    private static ForumEvent sample(Class<?> type, boolean nulls) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] signature = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            signature[i] = components[i].getType();
            args[i] = value(components[i].getType(), components[i].getGenericType(), i + 1, nulls);
        }
        Constructor<?> canonical = type.getDeclaredConstructor(signature);
        try {
            return (ForumEvent) canonical.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (!nulls) {
                throw e;
            }
            return sample(type, false); // this event refuses nulls: the sample without them covers it
        }
    }

    /** A sample of each component kind events use; a new kind fails here until the codec and this test know it. */
    private static Object value(Class<?> type, Type generic, int seed, boolean nulls) throws Exception {
        boolean nullable = !type.isPrimitive() && type != Set.class && type != List.class;
        if (nulls && nullable && type != Instant.class) {
            return null;
        }
        if (type == long.class || type == Long.class) {
            return 1_000_000_000_000L + seed;
        }
        if (type == int.class || type == Integer.class) {
            return seed;
        }
        if (type == boolean.class || type == Boolean.class) {
            return seed % 2 == 0;
        }
        if (type == String.class) {
            return "value \"" + seed + "\"";
        }
        if (type == Instant.class) {
            return nulls ? null : Instant.parse("2026-03-01T12:00:00.123456Z").plusSeconds(seed);
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[seed % constants.length];
        }
        if (EventCodec.isTypedId(type)) {
            return type.getDeclaredConstructor(long.class).newInstance((long) seed);
        }
        if (type == Set.class || type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            List<Object> items = new ArrayList<>();
            if (!nulls) {
                for (int i = 1; i <= 3; i++) {
                    items.add(value((Class<?>) element, element, seed * 10 + i, false));
                }
            }
            return type == Set.class ? Set.copyOf(items) : List.copyOf(items);
        }
        throw new AssertionError("events now have a component of type " + type.getName()
                + ": teach EventCodec (and this test) to write and read it");
    }
}
