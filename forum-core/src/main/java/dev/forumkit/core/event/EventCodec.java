package dev.forumkit.core.event;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns {@link ForumEvent} records into {@link EncodedEvent}s and back: the type is the record's simple name, the
 * payload a flat JSON object of its components (typed ids as numbers, instants as ISO-8601 strings, enums by name,
 * sets as arrays). Written by reflection over the sealed interface's records, so a new event whose components are
 * of these kinds needs no code here; one with another kind fails in {@code EventCodecTest}. JSON because later
 * consumers (webhooks, other tools reading the table) can read it without forumkit.
 */
public final class EventCodec {
    private static final Map<String, Class<?>> TYPES = Arrays.stream(ForumEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventCodec() {
    }

    public static EncodedEvent encode(ForumEvent event) {
        StringBuilder json = new StringBuilder("{");
        for (RecordComponent c : event.getClass().getRecordComponents()) {
            if (json.length() > 1) {
                json.append(',');
            }
            FlatJson.string(json, c.getName());
            json.append(':');
            write(json, get(c, event));
        }
        return new EncodedEvent(event.getClass().getSimpleName(), json.append('}').toString());
    }

    /** The event back; an unknown type or a payload that does not fit it is an {@link IllegalArgumentException}. */
    public static ForumEvent decode(EncodedEvent encoded) {
        Class<?> type = TYPES.get(encoded.type());
        if (type == null) {
            throw new IllegalArgumentException("unknown event type " + encoded.type()
                    + " (written by a newer forumkit?)");
        }
        Map<String, Object> fields = FlatJson.parse(encoded.payload());
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            if (!fields.containsKey(c.getName()) && !c.isAnnotationPresent(AddedLater.class)) {
                throw new IllegalArgumentException(encoded.type() + " payload lacks " + c.getName());
            }
            args[i] = read(fields.get(c.getName()), c.getType(), c.getGenericType(), encoded.type() + "." + c.getName());
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return (ForumEvent) canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("invalid " + encoded.type() + " payload: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private static Object get(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }

    private static void write(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            json.append(value);
        } else if (value instanceof String s) {
            FlatJson.string(json, s);
        } else if (value instanceof Instant t) {
            FlatJson.string(json, t.toString());
        } else if (value instanceof Enum<?> e) {
            FlatJson.string(json, e.name());
        } else if (isTypedId(value.getClass())) {
            json.append((long) get(value.getClass().getRecordComponents()[0], value));
        } else if (value instanceof Collection<?> many) {
            List<String> items = new ArrayList<>();
            for (Object item : many) {
                StringBuilder one = new StringBuilder();
                write(one, item);
                items.add(one.toString());
            }
            if (value instanceof Set) {
                items.sort(null); // a set has no order; a sorted payload makes equal events encode equally
            }
            json.append('[').append(String.join(",", items)).append(']');
        } else {
            throw new IllegalArgumentException("the event codec cannot encode a " + value.getClass().getName());
        }
    }

    private static Object read(Object json, Class<?> type, Type generic, String where) {
        if (json == null) {
            if (type.isPrimitive()) {
                throw new IllegalArgumentException(where + " must not be null");
            }
            return null;
        }
        try {
            if (type == long.class || type == Long.class) {
                return (Long) json;
            }
            if (type == int.class || type == Integer.class) {
                return Math.toIntExact((Long) json);
            }
            if (type == boolean.class || type == Boolean.class) {
                return (Boolean) json;
            }
            if (type == String.class) {
                return (String) json;
            }
            if (type == Instant.class) {
                return Instant.parse((String) json);
            }
            if (type.isEnum()) {
                return enumConstant(type, (String) json);
            }
            if (isTypedId(type)) {
                return type.getDeclaredConstructor(long.class).newInstance((Long) json);
            }
            if (type == Set.class || type == List.class) {
                Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
                List<Object> items = new ArrayList<>();
                for (Object item : (List<?>) json) {
                    items.add(read(item, (Class<?>) element, element, where + "[]"));
                }
                return type == Set.class ? Set.copyOf(new HashSet<>(items)) : List.copyOf(items);
            }
        } catch (ClassCastException | ArithmeticException | DateTimeParseException e) {
            throw new IllegalArgumentException(where + " has the wrong kind of value: " + json, e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(where + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
        throw new IllegalArgumentException("the event codec cannot decode a " + type.getName() + " (" + where + ")");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    /** forumkit's typed ids: records of one {@code long} (MemberId, PostId, ...). */
    static boolean isTypedId(Class<?> type) {
        RecordComponent[] c = type.isRecord() ? type.getRecordComponents() : null;
        return c != null && c.length == 1 && c[0].getType() == long.class;
    }

    /** The event types the codec knows, by stored name. */
    static Map<String, Class<?>> types() {
        return new LinkedHashMap<>(TYPES);
    }
}
