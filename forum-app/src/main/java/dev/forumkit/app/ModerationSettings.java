package dev.forumkit.app;

import dev.forumkit.core.ForumConfig;
import dev.forumkit.core.approval.ApprovalRules;
import dev.forumkit.core.approval.SpamChecks;
import dev.forumkit.core.profile.AvatarLimits;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The approval queue's rules and the spam checks, and the avatar upload limit: {@code spam.checks} ({@code off}, the
 * default, or {@code standard}: link-heavy first posts and the same text posted many times quickly are held),
 * {@code approval.first.posts} (a new member's first N posts are held; 0, the default, turns it off),
 * {@code approval.max.links} and {@code approval.link.posts.below} (posts with more than K links by members with fewer
 * than M posts are held; M 0, the default, turns it off), and {@code avatar.max.bytes}. Looked up like every setting.
 */
record ModerationSettings(boolean standardSpamChecks, ApprovalRules approvalRules, AvatarLimits avatarLimits) {

    static ModerationSettings load() {
        return load(System.getProperties(), System.getenv());
    }

    static ModerationSettings load(Properties system, Map<String, String> env) {
        Settings.Lookup l = new Settings.Lookup(system, env, Settings.file(system, env));
        boolean standard = l.get("spam.checks").map(ModerationSettings::spamChecks).orElse(false);
        ApprovalRules off = ApprovalRules.OFF;
        ApprovalRules rules = new ApprovalRules(count(l, "approval.first.posts", off.firstPosts()),
                count(l, "approval.max.links", off.maxLinks()), count(l, "approval.link.posts.below", off.linkPostsBelow()));
        AvatarLimits d = AvatarLimits.DEFAULTS;
        long avatarBytes = l.get("avatar.max.bytes").map(v -> (long) number("avatar.max.bytes", v)).orElse(d.maxBytes());
        AvatarLimits avatars;
        try {
            avatars = new AvatarLimits(avatarBytes, d.largeSide(), d.smallSide());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting avatar.max.bytes must be 1024 .. 67108864, not " + avatarBytes);
        }
        return new ModerationSettings(standard, rules, avatars);
    }

    /** Sets the forum's spam checks, approval rules and avatar limits from these settings. */
    ForumConfig applyTo(ForumConfig config) {
        return config.spamChecks(standardSpamChecks ? SpamChecks.standard() : SpamChecks.none())
                .approvalRules(approvalRules).avatarLimits(avatarLimits);
    }

    static boolean spamChecks(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "off" -> false;
            case "standard" -> true;
            default -> throw new IllegalArgumentException("setting spam.checks must be off or standard, not " + value);
        };
    }

    private static int count(Settings.Lookup l, String key, int fallback) {
        return l.get(key).map(v -> number(key, v)).orElse(fallback);
    }

    private static int number(String key, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a whole number of 0 or more, not " + value);
        }
    }

    @Override
    public String toString() {
        return "spam checks " + (standardSpamChecks ? "standard" : "off") + ", held by rule: first "
                + approvalRules.firstPosts() + " posts, more than " + approvalRules.maxLinks() + " links below "
                + approvalRules.linkPostsBelow() + " posts; avatars up to " + avatarLimits.maxBytes() + " bytes";
    }
}
