package dev.forumkit.core.profile;

import dev.forumkit.core.Validation;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A member's edit of their profile and display settings. Blank text clears a field. The website must be an
 * absolute http or https address (a {@code javascript:} link on a profile would run in visitors' browsers). The
 * signature's length limit is a forum setting, checked by {@link ProfileService}. The language is a BCP 47 tag
 * such as {@code ja} or {@code en} (null: the forum chooses); which languages exist is the web adapter's business.
 */
public record ProfileEdit(String about, String location, String website, String signature, String timeZone,
                          DateStyle dateStyle, boolean hideLastSeen, boolean hideSignatures, String language) {
    private static final java.util.regex.Pattern LANGUAGE_TAG =
            java.util.regex.Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");
    public static final int MAX_ABOUT = 5000;
    public static final int MAX_LOCATION = 100;
    public static final int MAX_WEBSITE = 300;

    public ProfileEdit {
        about = blankToNull(about);
        location = blankToNull(location);
        website = blankToNull(website);
        signature = blankToNull(signature);
        timeZone = blankToNull(timeZone);
        language = blankToNull(language);
        dateStyle = dateStyle == null ? DateStyle.ISO : dateStyle;
        Validation v = Validation.start();
        if (about != null) {
            v.length(about, "about", 1, MAX_ABOUT).wellFormed(about, "about");
        }
        if (location != null) {
            v.length(location, "location", 1, MAX_LOCATION).noControlCharacters(location, "location");
        }
        if (website != null) {
            v.length(website, "website", 1, MAX_WEBSITE).noControlCharacters(website, "website")
                    .require(isWebAddress(website), "website", "invalid_url",
                            "website must be an http:// or https:// address");
        }
        if (signature != null) {
            v.wellFormed(signature, "signature");
        }
        if (timeZone != null) {
            v.require(isZone(timeZone), "time_zone", "unknown_time_zone", "time_zone must be a zone such as Europe/Berlin");
        }
        if (language != null) {
            v.require(language.length() <= 35 && LANGUAGE_TAG.matcher(language).matches(), "language", "unknown_language",
                    "language must be a language tag such as ja or en");
        }
        v.orThrow();
    }

    /** An edit that leaves the language to the forum. */
    public ProfileEdit(String about, String location, String website, String signature, String timeZone,
                       DateStyle dateStyle, boolean hideLastSeen, boolean hideSignatures) {
        this(about, location, website, signature, timeZone, dateStyle, hideLastSeen, hideSignatures, null);
    }

    /** The settings of a profile, to change one or two of them. */
    public static ProfileEdit of(Profile p) {
        return new ProfileEdit(p.about(), p.location(), p.website(), p.signature(), p.timeZone(), p.dateStyle(),
                p.hideLastSeen(), p.hideSignatures(), p.language());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static boolean isWebAddress(String s) {
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty()
                    && uri.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean isZone(String id) {
        try {
            ZoneId.of(id);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
