package dev.forumkit.core;

import dev.forumkit.core.event.EventConsumer;
import dev.forumkit.core.event.ForumEventListener;
import dev.forumkit.core.board.Slugs;
import dev.forumkit.core.mail.EmailAddress;
import dev.forumkit.core.mail.LoggingMailer;
import dev.forumkit.core.mail.Mailer;
import dev.forumkit.core.markup.MarkupRenderer;
import dev.forumkit.core.markup.PlainTextRenderer;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.PasswordHasher;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.reaction.ReactionTypes;
import dev.forumkit.core.verify.Verification;
import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.core.signal.Signals;
import dev.forumkit.core.warning.WarningThreshold;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Settings for {@link Forum#create(dev.forumkit.core.storage.ForumStorage, java.util.function.Consumer)}; every one has a default. */
public final class ForumConfig {
    Clock clock = Clock.systemUTC();
    PasswordHasher passwordHasher;
    ReactionTypes reactionTypes = ReactionTypes.defaults();
    int postsPerPage = 20;
    int threadsPerPage = 20;
    Duration viewFlushInterval = Duration.ofSeconds(5);
    final List<ForumEventListener> listeners = new ArrayList<>();
    final List<EventConsumer> consumers = new ArrayList<>();
    Duration outboxPollInterval = Duration.ofSeconds(1);
    Duration eventRetention = Duration.ofDays(7);
    Duration unsubscribeLinkRetention = Duration.ofDays(90);
    MarkupRenderer markupRenderer = new PlainTextRenderer();
    Mailer mailer = new LoggingMailer(EmailAddress.of("forum@localhost"));
    String publicUrl = "http://localhost:8080";
    java.util.Locale locale = java.util.Locale.ENGLISH;
    Verification verification = Verification.OFF;
    SearchIndex searchIndex;
    Signals signals;
    dev.forumkit.core.search.SearchGenerations searchGenerations;
    boolean searchIndexing = true;
    dev.forumkit.core.blob.BlobStore blobStore;
    dev.forumkit.core.attachment.AttachmentLimits attachmentLimits = dev.forumkit.core.attachment.AttachmentLimits.DEFAULTS;
    dev.forumkit.core.image.ImageLimits imageLimits = dev.forumkit.core.image.ImageLimits.DEFAULTS;
    dev.forumkit.core.profile.AvatarLimits avatarLimits = dev.forumkit.core.profile.AvatarLimits.DEFAULTS;
    List<WarningThreshold> warningThresholds = WarningThreshold.DEFAULTS;
    Duration editTimeLimit;
    dev.forumkit.core.conversation.ConversationLimits conversationLimits =
            dev.forumkit.core.conversation.ConversationLimits.DEFAULTS;
    Duration permissionCheckInterval = Duration.ofSeconds(1);
    dev.forumkit.core.approval.ApprovalRules approvalRules = dev.forumkit.core.approval.ApprovalRules.OFF;
    dev.forumkit.core.approval.SpamChecks spamChecks = dev.forumkit.core.approval.SpamChecks.none();
    dev.forumkit.core.webhook.WebhookSettings webhooks = dev.forumkit.core.webhook.WebhookSettings.DEFAULTS;
    int signatureMaxLength = 500;
    Function<Member, String> memberUrl = m -> "/members/" + Slugs.of(m.username()) + "." + m.id() + "/";

    ForumConfig() {
    }

    /** When posts are held for approval by rule (default {@code ApprovalRules.OFF}: only moderated boards and spam). */
    public ForumConfig approvalRules(dev.forumkit.core.approval.ApprovalRules value) {
        this.approvalRules = Objects.requireNonNull(value, "approvalRules");
        return this;
    }

    /**
     * The spam checks asked about every post: {@code SpamChecks.standard()} is the default rule set (forum-app turns it
     * on), a host's own (e.g. Akismet) goes here, alone or {@code .and(...)} with the standard ones. The library's
     * default is {@code SpamChecks.none()}: an embedding host, its imports and its tests post what they like.
     */
    public ForumConfig spamChecks(dev.forumkit.core.approval.SpamChecks value) {
        this.spamChecks = Objects.requireNonNull(value, "spamChecks");
        return this;
    }

    /** The longest signature a member may save, in characters of source text (default 500; 0 turns signatures off). */
    public ForumConfig signatureMaxLength(int value) {
        if (value < 0 || value > 10_000) {
            throw new IllegalArgumentException("signatureMaxLength must be 0..10000: " + value);
        }
        this.signatureMaxLength = value;
        return this;
    }

    /** The clock for every timestamp; tests pass a fixed one. */
    public ForumConfig clock(Clock value) {
        this.clock = Objects.requireNonNull(value);
        return this;
    }

    /** Defaults to PBKDF2-HMAC-SHA256 with 600,000 iterations. */
    public ForumConfig passwordHasher(PasswordHasher value) {
        this.passwordHasher = Objects.requireNonNull(value);
        return this;
    }

    /** Defaults to Like +1, Love +1, Haha +1, Wow +1, Sad 0, Angry -1. */
    public ForumConfig reactionTypes(ReactionTypes value) {
        this.reactionTypes = Objects.requireNonNull(value);
        return this;
    }

    public ForumConfig postsPerPage(int value) {
        if (value < 1 || value > 200) {
            throw new IllegalArgumentException("posts per page must be 1-200");
        }
        this.postsPerPage = value;
        return this;
    }

    public ForumConfig threadsPerPage(int value) {
        if (value < 1 || value > 200) {
            throw new IllegalArgumentException("threads per page must be 1-200");
        }
        this.threadsPerPage = value;
        return this;
    }

    /** How often buffered thread views are written; {@code Duration.ZERO} turns the timer off (flush by hand). */
    public ForumConfig viewFlushInterval(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative");
        }
        this.viewFlushInterval = value;
        return this;
    }

    /** Renders post bodies when they are written; defaults to escaped plain text. Use forum-markup's renderer for rich posts. */
    public ForumConfig markupRenderer(MarkupRenderer value) {
        this.markupRenderer = Objects.requireNonNull(value);
        return this;
    }

    /** The profile address that @mentions link to; defaults to {@code /members/{name}.{id}/}. */
    public ForumConfig memberUrl(Function<Member, String> value) {
        this.memberUrl = Objects.requireNonNull(value);
        return this;
    }

    /** Sends the forum's e-mail; defaults to a {@link LoggingMailer}, which only logs them. */
    public ForumConfig mailer(Mailer value) {
        this.mailer = Objects.requireNonNull(value);
        return this;
    }

    /**
     * The language of the forum's e-mails to members who chose none: {@code Locale.ENGLISH} (the default) or
     * {@code Locale.JAPANESE}. A member's own choice ({@code Profile.language()}) wins.
     */
    public ForumConfig locale(java.util.Locale value) {
        Objects.requireNonNull(value, "locale");
        if (!dev.forumkit.core.internal.MailTexts.supports(value)) {
            throw new IllegalArgumentException("the forum's e-mails are written in English and Japanese, not " + value);
        }
        this.locale = value;
        return this;
    }

    /**
     * The forum's public address with its base path (e.g. {@code https://example.org/forum}): the links in e-mails
     * start with it. Defaults to {@code http://localhost:8080}. A trailing slash is dropped.
     */
    public ForumConfig publicUrl(String value) {
        Objects.requireNonNull(value, "publicUrl");
        String url = value.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        java.net.URI uri;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("the public URL is not a URL: " + value, e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("the public URL must be http(s)://host[:port][/path], not " + value);
        }
        this.publicUrl = url;
        return this;
    }

    /**
     * Whether members must verify their e-mail address before they start threads, reply or react; defaults to
     * {@link Verification#OFF}. With {@link Verification#REQUIRED_TO_POST} registration e-mails a verification link.
     */
    public ForumConfig verification(Verification value) {
        this.verification = Objects.requireNonNull(value, "verification");
        return this;
    }

    /**
     * The full-text index that {@code forum.search()} asks and the outbox consumer {@code search} keeps up to date;
     * defaults to an in-memory index, which starts empty (on a database that already has posts, rebuild it with
     * {@link dev.forumkit.core.search.SearchRebuild}). The caller owns it: {@code Forum.close()} does not close it.
     */
    public ForumConfig searchIndex(SearchIndex value) {
        this.searchIndex = Objects.requireNonNull(value);
        return this;
    }

    /**
     * Where an admin's online rebuild of the search index builds the new index ({@code forum.search().rebuilds()});
     * without it (the default, or null, and always for an index in the storage) the index is rebuilt offline only.
     * After a rebuild the live index is another one than {@link #searchIndex}: close {@code forum.search().index()}.
     */
    public ForumConfig searchGenerations(dev.forumkit.core.search.SearchGenerations value) {
        this.searchGenerations = value;
        return this;
    }

    /**
     * Whether the outbox consumer {@code search} keeps an index up to date (default true). Off, no consumer runs and
     * {@code forum.search()} refuses every search with {@link dev.forumkit.core.search.SearchUnavailableException}
     * (503 on HTTP), rather than answer from an index nobody updates: for a forum that does without search, or to
     * measure writes without the indexing. A position the consumer recorded earlier stays, holding its events back
     * from pruning, so that turning it on again catches the index up.
     */
    public ForumConfig searchIndexing(boolean on) {
        this.searchIndexing = on;
        return this;
    }

    /**
     * Where attachments' bytes are stored; defaults to an in-memory store (gone when the JVM ends). The standalone app
     * uses a {@link dev.forumkit.core.blob.FileSystemBlobStore} under its data directory. Several nodes need one
     * store they all reach (see the README). The caller owns it.
     */
    public ForumConfig blobStore(dev.forumkit.core.blob.BlobStore value) {
        this.blobStore = Objects.requireNonNull(value);
        return this;
    }

    /** Attachment limits: size per file, files per post, bytes per member, allowed types. */
    public ForumConfig attachmentLimits(dev.forumkit.core.attachment.AttachmentLimits value) {
        this.attachmentLimits = Objects.requireNonNull(value);
        return this;
    }

    /** Avatar limits: the largest upload and the sides of the two images the server writes. */
    public ForumConfig avatarLimits(dev.forumkit.core.profile.AvatarLimits value) {
        this.avatarLimits = Objects.requireNonNull(value);
        return this;
    }

    /** Image limits: declared pixels, full-size and thumbnail sides, images decoded at once. */
    public ForumConfig imageLimits(dev.forumkit.core.image.ImageLimits value) {
        this.imageLimits = Objects.requireNonNull(value);
        return this;
    }

    /**
     * Warning points that end in a temporary ban: a warning that lifts a member's active points to or past a
     * threshold bans them for its duration (the highest threshold reached wins). Defaults to 10 points: 7 days,
     * 20 points: 30 days; an empty list turns automatic bans off. Two thresholds may not share a number of points.
     */
    public ForumConfig warningThresholds(List<WarningThreshold> value) {
        List<WarningThreshold> copy = List.copyOf(value);
        if (copy.stream().map(WarningThreshold::points).distinct().count() != copy.size()) {
            throw new IllegalArgumentException("two warning thresholds have the same points");
        }
        this.warningThresholds = copy;
        return this;
    }

    /** Participants per conversation and the rate of starting conversations (default: 20; 10 an hour). */
    public ForumConfig conversationLimits(dev.forumkit.core.conversation.ConversationLimits value) {
        this.conversationLimits = java.util.Objects.requireNonNull(value, "conversationLimits");
        return this;
    }

    /**
     * How long members may edit and delete their own posts; null (the default) for no limit. Those who moderate the
     * board are not limited.
     */
    public ForumConfig editTimeLimit(Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("the edit time limit must be positive");
        }
        this.editTimeLimit = value;
        return this;
    }

    /**
     * How often at most a node reads the stored version of the permission grid, to notice changes made on other nodes
     * (its own changes take effect at once); defaults to 1 s.
     */
    public ForumConfig permissionCheckInterval(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative");
        }
        this.permissionCheckInterval = value;
        return this;
    }

    /**
     * How webhooks deliver: private addresses (off by default), retries, disabling, timeouts, the sending interval.
     * See {@link dev.forumkit.core.webhook.WebhookSettings#DEFAULTS}.
     */
    public ForumConfig webhooks(dev.forumkit.core.webhook.WebhookSettings value) {
        this.webhooks = Objects.requireNonNull(value);
        return this;
    }

    /** An in-process listener, called on the outbox thread after each command's events committed. */
    public ForumConfig listener(ForumEventListener listener) {
        listeners.add(Objects.requireNonNull(listener));
        return this;
    }

    /** A durable outbox consumer, registered when the forum starts (see {@code Forum.outbox()}). */
    public ForumConfig consumer(EventConsumer consumer) {
        consumers.add(Objects.requireNonNull(consumer));
        return this;
    }

    /**
     * How often the outbox thread looks for events it was not woken for (other nodes' events, retries); defaults to
     * 1 s. {@code Duration.ZERO} starts no outbox thread: events are delivered by {@code forum.outbox().drain()} only.
     */
    public ForumConfig outboxPollInterval(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative");
        }
        this.outboxPollInterval = value;
        return this;
    }

    /** How long delivered events stay in the outbox before pruning; defaults to 7 days. */
    public ForumConfig eventRetention(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative");
        }
        this.eventRetention = value;
        return this;
    }

    /**
     * How long the one-click unsubscribe link of a notification e-mail keeps working; defaults to 90 days. Older links
     * are deleted when the outbox prunes (every ten minutes), so the table does not grow with every e-mail sent.
     */
    public ForumConfig unsubscribeLinkRetention(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative");
        }
        this.unsubscribeLinkRetention = value;
        return this;
    }

    /**
     * The cross-node bus the outbox announces commits on, so that every node's listeners (and caches) hear another
     * node's writes within a second instead of at the next poll. Defaults to an in-process bus, which is right for
     * one node; with several nodes on PostgreSQL pass {@code JdbiForumStorage.signals()}. The caller keeps and closes
     * a bus it passes; the default one is closed with the forum.
     */
    public ForumConfig signals(Signals value) {
        this.signals = Objects.requireNonNull(value, "signals");
        return this;
    }
}
