package dev.forumkit.core.apikey;

import dev.forumkit.core.Actor;
import dev.forumkit.core.member.Member;

import java.util.Objects;

/** The outcome of presenting a key: accepted (acting as a member or as a guest), or refused with a reason. */
public sealed interface ApiKeyCheck {
    /** {@code member} is null when the call is made as a guest. */
    record Accepted(ApiKey key, Member member) implements ApiKeyCheck {
        public Accepted {
            Objects.requireNonNull(key, "key");
        }

        public Actor actor() {
            return member == null ? Actor.guest() : Actor.member(member.id());
        }
    }

    /** {@code code}: {@code invalid_api_key}, {@code api_key_expired}, {@code api_key_revoked}, {@code act_as_refused}. */
    record Refused(String code, String message) implements ApiKeyCheck {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
