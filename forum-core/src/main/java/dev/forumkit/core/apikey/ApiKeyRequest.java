package dev.forumkit.core.apikey;

import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.List;

/**
 * What an admin asks for when making a key, as sent: {@code kind} is a code ({@code guest}, {@code member},
 * {@code service}), {@code scopes} are {@code resource:action} texts; {@code member} only for member keys;
 * {@code expiresAt} null for a key that does not expire. The service checks every field and names each bad one.
 */
public record ApiKeyRequest(String name, String kind, List<String> scopes, MemberId member, Instant expiresAt) {
    public ApiKeyRequest {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
}
