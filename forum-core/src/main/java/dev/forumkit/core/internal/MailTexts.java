package dev.forumkit.core.internal;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.storage.ForumStorage;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of the forum's e-mails in one language, from {@code dev/forumkit/core/internal/mail*.properties} (UTF-8).
 * A member gets e-mails in their own language ({@code Profile.language()}), else in the forum's. A key missing from a
 * translation falls back to English. Placeholders are {@code {0}}, {@code {1}}, ... only, as in the web bundles.
 */
public final class MailTexts {
    private static final String BUNDLE = "dev.forumkit.core.internal.mail";
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<String, MailTexts> LOADED = new ConcurrentHashMap<>();
    private static final MailTexts ENGLISH = new MailTexts(
            ResourceBundle.getBundle(BUNDLE, Locale.ROOT, MailTexts.class.getClassLoader(), CONTROL), null);

    private final ResourceBundle bundle;
    private final MailTexts fallback;

    private MailTexts(ResourceBundle bundle, MailTexts fallback) {
        this.bundle = bundle;
        this.fallback = fallback;
    }

    /** Whether the e-mails are written in the language of {@code locale}. */
    public static boolean supports(Locale locale) {
        return locale != null && (locale.getLanguage().equals("en") || locale.getLanguage().equals("ja"));
    }

    /** The texts of the language of {@code locale}; English for any language the e-mails are not written in. */
    public static MailTexts of(Locale locale) {
        if (!supports(locale) || locale.getLanguage().equals("en")) {
            return ENGLISH;
        }
        return LOADED.computeIfAbsent(locale.getLanguage(), lang -> new MailTexts(
                ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(lang), MailTexts.class.getClassLoader(), CONTROL),
                ENGLISH));
    }

    /** The texts for a member: their own language when they chose one the e-mails are written in, else the forum's. */
    public static MailTexts forMember(ForumStorage storage, MemberId member, Locale forumDefault) {
        String chosen = storage.transactions().inTransaction(() -> storage.profiles().byMember(member))
                .map(p -> p.language()).orElse(null);
        Locale own = chosen == null ? null : Locale.forLanguageTag(chosen);
        return of(supports(own) ? own : forumDefault);
    }

    public String t(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            return fallback == null ? key : fallback.t(key, args);
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '{' && i + 2 < text.length() && Character.isDigit(text.charAt(i + 1)) && text.charAt(i + 2) == '}') {
                int n = text.charAt(i + 1) - '0';
                out.append(n < args.length ? String.valueOf(args[n]) : "");
                i += 2;
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
