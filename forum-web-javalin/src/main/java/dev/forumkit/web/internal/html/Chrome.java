package dev.forumkit.web.internal.html;

import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Standing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What every page's frame needs: who is looking (and their CSRF token for forms), the title and breadcrumbs, the
 * links, the words of the page in the reader's language ({@link #t}), and how to show times and numbers. Times are
 * shown in the member's time zone and date format (UTC for guests) with a machine-readable {@code <time>}.
 */
public final class Chrome {
    private static final java.util.regex.Pattern TIME_OF_DAY = java.util.regex.Pattern.compile(",? \\d{1,2}:\\d{2}( [AP]M)?$");
    private final Links links;
    private final String apiPrefix;
    private final Member me;
    private final Standing standing;
    private final String csrf;
    private final Instant now;
    private final String title;
    private final List<Crumb> crumbs;
    private final boolean noindex;
    private final String here;
    private String canonical;
    private String description;
    private List<View.Feed> feeds = List.of();
    private long unreadAlerts = -1;
    private long unreadConversations = -1;
    private boolean mustVerifyEmail;
    private dev.forumkit.core.profile.Profile display;
    private java.time.ZoneId zone;
    private boolean framed;
    private dev.forumkit.web.HostIdentity host;
    private Texts texts = Texts.english();
    private java.util.function.Supplier<java.util.Map<dev.forumkit.core.member.MemberId, Long>> avatarSource = java.util.Map::of;
    private java.util.Map<dev.forumkit.core.member.MemberId, Long> avatarVersions;

    public Chrome(String base, String apiPrefix, Member me, Standing standing, String csrf, Instant now, String title,
                  List<Crumb> crumbs, boolean noindex, String here) {
        this.here = here;
        this.links = new Links(base);
        this.apiPrefix = apiPrefix;
        this.me = me;
        this.standing = standing;
        this.csrf = csrf == null ? "" : csrf;
        this.now = now;
        this.title = title;
        this.crumbs = List.copyOf(crumbs);
        this.noindex = noindex;
    }

    /** Host identity mode: the header's sign-in, sign-out and account links go to the host. */
    void hostIdentity(dev.forumkit.web.HostIdentity value) {
        this.host = value;
    }

    /** True when the host signs people in: no forum registration, sign-out is a link to the host. */
    public boolean hostSignIn() {
        return host != null;
    }

    public String signInUrl() {
        return host != null ? host.signInUrl() : links.login(here);
    }

    public String signOutUrl() {
        return host != null ? host.signOutUrl() : links.logout();
    }

    public String accountUrl() {
        return host != null ? host.accountUrl() : links.base() + "/account/profile";
    }

    public Links links() {
        return links;
    }

    /** The time the page is rendered at (whether a warning or ban still runs). */
    public Instant now() {
        return now;
    }

    public String apiPrefix() {
        return apiPrefix;
    }

    public Member me() {
        return me;
    }

    public boolean signedIn() {
        return me != null;
    }

    public boolean staff() {
        return standing.isStaff();
    }

    public boolean admin() {
        return standing == Standing.ADMIN;
    }

    public boolean banned() {
        return standing == Standing.BANNED;
    }

    /** The token every form echoes as {@code _csrf}; empty for guests, whose forms need none. */
    public String csrf() {
        return csrf;
    }

    public String title() {
        return title;
    }

    public List<Crumb> crumbs() {
        return crumbs;
    }

    /** The address of this page, for "log in and come back" links; null after a form post. */
    public String here() {
        return here;
    }

    public boolean noindex() {
        return noindex;
    }

    /** The page goes into the host's frame: the layout renders only the content block, without header and footer. */
    void framed(boolean value) {
        this.framed = value;
    }

    public boolean framed() {
        return framed;
    }

    /** The signed-in member's time zone and date format for every date on the page; UTC and the defaults otherwise. */
    void display(dev.forumkit.core.profile.Profile settings) {
        this.display = settings;
        this.zone = null;
    }

    /** The page's language, chosen by the responder; English until then. */
    void texts(Texts value) {
        this.texts = value;
    }

    public Texts texts() {
        return texts;
    }

    /** The text of {@code key} in the reader's language, {@code {0}}... replaced by the arguments. */
    public String t(String key, Object... args) {
        return texts.t(key, args);
    }

    /** A text with our own markup (a link in a sentence), arguments escaped: write it with {@code $unsafe}. */
    public String html(String key, Object... args) {
        return texts.html(key, args);
    }

    /** "1 reply" or "3 replies": {@code key.one} or {@code key.other} with the number, thousands separated. */
    public String plural(String key, long n) {
        return texts.plural(key, n, num(n));
    }

    /** An error's message in the reader's language (see {@link Texts#error}). */
    public String error(String code, String english) {
        return texts.error(code, english);
    }

    /** For {@code <html lang>}. */
    public String lang() {
        return texts.lang();
    }

    public String date(Instant at) {
        if (at == null) {
            return "";
        }
        if (display == null || localized()) {
            return texts.format("format.date", at, zone());
        }
        DatePattern day = DAYS.get(display.dateStyle());
        return day != null ? day.format(at, zone()) : TIME_OF_DAY.matcher(display.formatDate(at)).replaceFirst("");
    }

    /**
     * The member's date style printed by hand where DatePattern knows its letters (ISO and day-month-year; the 12-hour
     * clock goes to the formatter): what {@code display.formatDate} prints, and its day pattern what TIME_OF_DAY
     * leaves of it (ChromeDatesTest), without a formatter and a regular expression per date (task pagecpu).
     */
    private static final java.util.Map<dev.forumkit.core.profile.DateStyle, DatePattern> DAYS = patterns(true);
    private static final java.util.Map<dev.forumkit.core.profile.DateStyle, DatePattern> TIMES = patterns(false);

    private static java.util.Map<dev.forumkit.core.profile.DateStyle, DatePattern> patterns(boolean day) {
        java.util.Map<dev.forumkit.core.profile.DateStyle, DatePattern> out = new java.util.EnumMap<>(dev.forumkit.core.profile.DateStyle.class);
        for (var style : dev.forumkit.core.profile.DateStyle.values()) {
            DatePattern p = DatePattern.of(day ? style.dayPattern() : style.pattern(), java.util.Locale.ENGLISH);
            if (p != null) {
                out.put(style, p);
            }
        }
        return out;
    }

    public String dateTime(Instant at) {
        if (at == null) {
            return "";
        }
        if (display == null || localized()) {
            return texts.format("format.dateTime", at, zone());
        }
        DatePattern time = TIMES.get(display.dateStyle());
        return time != null ? time.format(at, zone()) : display.formatDate(at);
    }

    /**
     * The member's English day-month or month-day order means nothing in Japanese: outside English every style but
     * ISO shows the language's own date format, in the member's time zone.
     */
    private boolean localized() {
        return display != null && display.dateStyle() != dev.forumkit.core.profile.DateStyle.ISO
                && !texts.locale().getLanguage().equals("en");
    }

    private java.time.ZoneId zone() {
        if (display == null) {
            return ZoneOffset.UTC;
        }
        if (zone == null) { // the member's zone once per page, not ZoneId.of per date
            zone = display.zone();
        }
        return zone;
    }

    public String iso(Instant at) {
        return at == null ? "" : dev.forumkit.core.internal.IsoInstant.format(at);
    }

    /** "just now", "5 minutes ago", "yesterday", then the date. */
    public String ago(Instant at) {
        if (at == null) {
            return "";
        }
        long s = Math.max(0, Duration.between(at, now).getSeconds());
        if (s < 60) {
            return t("ago.now");
        }
        if (s < 3600) {
            return plural("ago.minutes", s / 60);
        }
        if (s < 86_400) {
            return plural("ago.hours", s / 3600);
        }
        if (s < 2 * 86_400) {
            return t("ago.yesterday");
        }
        if (s < 7 * 86_400) {
            return plural("ago.days", s / 86_400);
        }
        return date(at);
    }

    /** {@code n} with thousands separators, as {@code String.format(Locale.ENGLISH, "%,d", n)} but without a Formatter. */
    public String num(long n) {
        String digits = Long.toString(n);
        int start = n < 0 ? 1 : 0;
        int len = digits.length() - start;
        if (len <= 3) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits.length() + len / 3);
        out.append(digits, 0, start);
        int head = len % 3 == 0 ? 3 : len % 3;
        out.append(digits, start, start + head);
        for (int i = start + head; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }

    /**
     * The member's uploaded avatar ({@code xs} and {@code s} use the small image, {@code l} and {@code xl} the large
     * one), or their letter avatar when they have none or the node's list of avatars cannot be read.
     */
    public String avatar(long memberId, String username, String size) {
        Long version = avatarVersions().get(dev.forumkit.core.member.MemberId.of(memberId));
        if (version == null) {
            return Avatars.svg(memberId, username, size);
        }
        boolean small = "xs".equals(size) || "s".equals(size);
        return Avatars.img(dev.forumkit.web.internal.AvatarServing.url(links.base(),
                dev.forumkit.core.member.MemberId.of(memberId), version, small), size);
    }

    /** Where the page's avatars come from: the forum's per-node list (set by the responder); none otherwise. */
    void avatars(java.util.function.Supplier<java.util.Map<dev.forumkit.core.member.MemberId, Long>> source) {
        this.avatarSource = source;
        this.avatarVersions = null;
    }

    private java.util.Map<dev.forumkit.core.member.MemberId, Long> avatarVersions() {
        if (avatarVersions == null) {
            try {
                avatarVersions = avatarSource.get();
            } catch (RuntimeException storageDown) {
                avatarVersions = java.util.Map.of(); // an error page renders with letter avatars
            }
        }
        return avatarVersions;
    }

    /** A post body as a short line of plain text. */
    public String excerpt(String source) {
        return Bodies.excerpt(source, 220);
    }

    /** Set by the responder for signed-in members; left unknown when it could not be counted (storage down). */
    /** The signed-in member must still verify their address before posting (the header says so). */
    void mustVerifyEmail(boolean value) {
        this.mustVerifyEmail = value;
    }

    public boolean mustVerifyEmail() {
        return mustVerifyEmail;
    }

    /** Set by the responder from the view: the canonical address (absolute), the description and the feeds. */
    void head(String canonicalUrl, String text, List<View.Feed> feedLinks) {
        this.canonical = canonicalUrl;
        this.description = text;
        this.feeds = List.copyOf(feedLinks);
    }

    /** The page's absolute canonical address, or null. */
    public String canonical() {
        return canonical;
    }

    /** The page's description for search results, plain text (the template escapes it), or null. */
    public String description() {
        return description;
    }

    public List<View.Feed> feeds() {
        return feeds;
    }

    void unreadAlerts(long count) {
        this.unreadAlerts = count;
    }

    /** The header's alert count: unread alerts of the signed-in member, -1 when unknown (guests, or not counted). */
    public long unreadAlerts() {
        return unreadAlerts;
    }

    void unreadConversations(long count) {
        this.unreadConversations = count;
    }

    /** The header's count of conversations with unread messages; -1 when unknown (guests, or not counted). */
    public long unreadConversations() {
        return unreadConversations;
    }
}
