package dev.forumkit.core.profile;

import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What a member tells about themselves and how they want the forum shown, beyond the {@code Member} row.
 * {@code signatureHtml} is the signature rendered and sanitised by the post markup pipeline (null: no signature);
 * {@code timeZone} null means UTC. {@code lastSeenAt} is written at most once per few minutes (see
 * {@link ProfileService#seen}), never by {@link Profiles#put}. {@code language} is the member's language for pages
 * and e-mails as a BCP 47 tag ({@code ja}); null means the forum chooses (the reader's browser, else its default).
 */
public record Profile(MemberId memberId, String about, String location, String website, String signature,
                      String signatureHtml, String timeZone, DateStyle dateStyle, boolean hideLastSeen,
                      boolean hideSignatures, Instant lastSeenAt, String language) {
    public Profile {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(dateStyle, "dateStyle");
    }

    /** A profile without a language preference (the forum chooses the language). */
    public Profile(MemberId memberId, String about, String location, String website, String signature,
                   String signatureHtml, String timeZone, DateStyle dateStyle, boolean hideLastSeen,
                   boolean hideSignatures, Instant lastSeenAt) {
        this(memberId, about, location, website, signature, signatureHtml, timeZone, dateStyle, hideLastSeen,
                hideSignatures, lastSeenAt, null);
    }

    /** The profile of a member who never changed a setting. */
    public static Profile empty(MemberId memberId) {
        return new Profile(memberId, null, null, null, null, null, null, DateStyle.ISO, false, false, null);
    }

    /** The settings of an edit with the signature as rendered; the last-seen time stays. */
    public Profile edited(ProfileEdit edit, String renderedSignature) {
        return new Profile(memberId, edit.about(), edit.location(), edit.website(), edit.signature(), renderedSignature,
                edit.timeZone(), edit.dateStyle(), edit.hideLastSeen(), edit.hideSignatures(), lastSeenAt, edit.language());
    }

    public Profile withLastSeenAt(Instant at) {
        return new Profile(memberId, about, location, website, signature, signatureHtml, timeZone, dateStyle,
                hideLastSeen, hideSignatures, at, language);
    }

    public ZoneId zone() {
        return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
    }

    /** A time as this member wants to read it. */
    public String formatDate(Instant instant) {
        return dateStyle.format(instant, zone());
    }

    /** When others may see that the member was last around; null when hidden or never seen. */
    public Instant visibleLastSeen() {
        return hideLastSeen ? null : lastSeenAt;
    }
}
