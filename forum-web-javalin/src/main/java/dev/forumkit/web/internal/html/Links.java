package dev.forumkit.web.internal.html;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Slugs;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.thread.ForumThread;

/**
 * Every address the pages link to, in XenForo's shape ({@code /threads/slug.id/page-n}), under the base path.
 * The number after the last dot is what counts; the slug is for people and search engines.
 */
public record Links(String base) {
    public String home() {
        return base.isEmpty() ? "/" : base + "/";
    }

    public String whatsNew() {
        return base + "/whats-new/";
    }

    public String whatsNew(int page) {
        return page <= 1 ? whatsNew() : base + "/whats-new/page-" + page;
    }

    public String search() {
        return base + "/search/";
    }

    public String board(Board b) {
        return base + "/boards/" + b.slug() + "." + b.id().value() + "/";
    }

    public String board(Board b, int page) {
        return page <= 1 ? board(b) : board(b) + "page-" + page;
    }

    public String postThread(Board b) {
        return board(b) + "post-thread";
    }

    public String thread(ForumThread t) {
        return base + "/threads/" + t.slug() + "." + t.id().value() + "/";
    }

    public String thread(ForumThread t, int page) {
        return page <= 1 ? thread(t) : thread(t) + "page-" + page;
    }

    public String unread(ForumThread t) {
        return thread(t) + "unread";
    }

    public String reply(ForumThread t) {
        return thread(t) + "reply";
    }

    public String quote(ForumThread t, PostId post) {
        return reply(t) + "?quote=" + post.value();
    }

    /** A thread's moderation form target: lock, unlock, pin, unpin, move, delete, restore. */
    public String moderate(ForumThread t, String action) {
        return thread(t) + action;
    }

    public String post(PostId id) {
        return base + "/posts/" + id.value() + "/";
    }

    public String post(long id) {
        return base + "/posts/" + id + "/";
    }

    public String editPost(PostId id) {
        return post(id) + "edit";
    }

    public String react(PostId id) {
        return post(id) + "react";
    }

    public String deletePost(PostId id) {
        return post(id) + "delete";
    }

    public String restorePost(PostId id) {
        return post(id) + "restore";
    }

    public String member(MemberId id, String username) {
        return base + "/members/" + memberSlug(username) + "." + id.value() + "/";
    }

    public String memberAction(MemberId id, String username, String action) {
        return member(id, username) + action;
    }

    public String login() {
        return base + "/login";
    }

    public String login(String next) {
        return next == null ? login() : login() + "?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
    }

    public String register() {
        return base + "/register";
    }

    public String forgotPassword() {
        return base + "/forgot-password";
    }

    public String resetPassword() {
        return base + "/reset-password";
    }

    /** The verification e-mail's link (with {@code ?token=}) and its confirm form's target. */
    public String verifyEmail() {
        return base + "/verify-email";
    }

    /** The account's e-mail page: the address, whether it is verified, the change form. */
    public String accountEmail() {
        return base + "/account/email";
    }

    /** Sends the verification link again (a form target). */
    public String resendVerification() {
        return base + "/account/verify-email";
    }

    public String logout() {
        return base + "/logout";
    }

    public String admin(String page) {
        return base + "/admin/" + page;
    }

    public String asset(String file) {
        return base + "/assets/" + file;
    }

    public String alerts() {
        return base + "/alerts/";
    }

    public String alerts(int page) {
        return page <= 1 ? alerts() : alerts() + "page-" + page;
    }

    public String alertRead(long alertId) {
        return alerts() + alertId + "/read";
    }

    public String alertsReadAll() {
        return alerts() + "read-all";
    }

    public String alertPreferences() {
        return base + "/account/alert-preferences";
    }

    public String watchedThreads(int page) {
        return base + "/watched/threads" + (page <= 1 ? "" : "/page-" + page);
    }

    public String watchedBoards(int page) {
        return base + "/watched/boards" + (page <= 1 ? "" : "/page-" + page);
    }

    /** Watch and unwatch form targets of a thread by id: the lists also unwatch threads the member can no longer see. */
    public String watchThread(long threadId, String action) {
        return base + "/threads/" + threadId + "/" + action;
    }

    public String watchBoard(long boardId, String action) {
        return base + "/boards/" + boardId + "/" + action;
    }

    /** A thread known by id and title only (an alert): the page answers a stale slug with its canonical address. */
    public String thread(long threadId, String title) {
        return base + "/threads/" + (title == null ? "" : Slugs.of(title) + ".") + threadId + "/";
    }

    /** Usernames may hold any letter; the address gets an ASCII slug of it ("member" when nothing is left). */
    static String memberSlug(String username) {
        String slug = Slugs.of(username);
        return slug.equals("untitled") ? "member" : slug;
    }
}
