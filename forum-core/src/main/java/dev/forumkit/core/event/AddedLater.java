package dev.forumkit.core.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event's component that was added after events of its kind were first stored: a payload written before it
 * (still in an outbox, or replayed from the log) lacks it, and {@link EventCodec} decodes it as null there. Any other
 * missing component is a corrupt payload. Only for components of an object type, and every consumer must accept null.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface AddedLater {
}
