package dev.forumkit.core.report;

import dev.forumkit.core.Actor;
import dev.forumkit.core.ConflictException;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.Validation;
import dev.forumkit.core.audit.AuditAction;
import dev.forumkit.core.audit.AuditTarget;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Standing;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.read.Page;
import dev.forumkit.core.thread.ForumThread;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reporting posts and profiles (members), and the moderators' queue: comment, resolve, reject. */
public final class ReportService {
    public static final int PER_PAGE = 20;
    /** Reasons and comments are kept to what a moderator reads at a glance. */
    public static final int MAX_TEXT = 1000;
    private static final int EXCERPT = 300;
    private static final Runnable NO_GATE = () -> { };
    private final ServiceContext ctx;

    public ReportService(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Reports a post with a reason. Joins the post's open report if there is one; a member who already gave a reason
     * there is refused (409) until the report is closed. Returns the report's id.
     */
    public ReportId reportPost(Actor actor, PostId postId, String reason) {
        return reportPost(actor, postId, reason, NO_GATE);
    }

    /**
     * As {@link #reportPost(Actor, PostId, String)}, with a gate: {@code admit} runs once the reason is valid and
     * before anything is read or written, and may throw to refuse (an adapter's rate limit).
     */
    public ReportId reportPost(Actor actor, PostId postId, String reason, Runnable admit) {
        String r = text(reason, "reason", true);
        admit.run();
        return ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            Standing standing = ctx.standing(me);
            Post post = ctx.storage.posts().byId(postId).orElseThrow(() -> new NotFoundException("no post " + postId));
            ForumThread thread = ctx.storage.threads().byId(post.threadId()).orElseThrow();
            boolean hidden = post.isDeleted() || thread.isDeleted();
            if (hidden && !standing.isStaff() || !ctx.policy.canSee(me, ctx.now(), thread.boardId())) {
                throw new NotFoundException("no post " + postId); // a post on a board one may not see does not exist
            }
            ctx.policy.check(standing, Action.REPORT_CONTENT, Target.content(post.authorId().equals(me.id()), false, hidden));
            return file(ReportSubject.post(postId), post.authorId(), thread.id(), me, r);
        });
    }

    /** Reports a member's profile (name, title, behaviour) with a reason; merges like {@link #reportPost}. */
    public ReportId reportMember(Actor actor, MemberId memberId, String reason) {
        return reportMember(actor, memberId, reason, NO_GATE);
    }

    /** As {@link #reportMember(Actor, MemberId, String)}, with a gate as in {@link #reportPost(Actor, PostId, String, Runnable)}. */
    public ReportId reportMember(Actor actor, MemberId memberId, String reason, Runnable admit) {
        String r = text(reason, "reason", true);
        admit.run();
        return ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            Member target = ctx.storage.members().byId(memberId).orElseThrow(() -> new NotFoundException("no member " + memberId));
            ctx.policy.check(ctx.standing(me), Action.REPORT_CONTENT, Target.member(me.id().equals(target.id()), target.role()));
            return file(ReportSubject.member(memberId), target.id(), null, me, r);
        });
    }

    /**
     * A participant reports a message of a private conversation; from then on moderators may read that conversation
     * (and only then: docs/conversations.md). For anyone but an active participant the message does not exist.
     */
    public ReportId reportMessage(Actor actor, dev.forumkit.core.conversation.MessageId messageId, String reason) {
        return reportMessage(actor, messageId, reason, NO_GATE);
    }

    /** As {@link #reportMessage(Actor, dev.forumkit.core.conversation.MessageId, String)}, with a gate. */
    public ReportId reportMessage(Actor actor, dev.forumkit.core.conversation.MessageId messageId, String reason,
                                  Runnable admit) {
        String r = text(reason, "reason", true);
        admit.run();
        return ctx.command(events -> {
            Member me = ctx.load(actor); // a guest, too, is told the message does not exist
            var conversations = ctx.storage.conversations();
            var message = conversations.message(messageId).orElse(null);
            boolean participant = message != null && me != null && conversations.participant(message.conversation(), me.id())
                    .filter(dev.forumkit.core.conversation.Participant::isActive).isPresent();
            if (!participant) {
                throw new NotFoundException("no message " + messageId);
            }
            ctx.policy.check(ctx.standing(me), Action.REPORT_CONTENT, Target.content(message.author().equals(me.id()), false, false));
            var conversation = conversations.byId(message.conversation()).orElseThrow();
            if (!conversation.reported()) {
                conversations.update(conversation.asReported());
            }
            return file(ReportSubject.message(messageId), message.author(), null, me, r);
        });
    }

    private ReportId file(ReportSubject subject, MemberId reported, dev.forumkit.core.content.ThreadId thread, Member me,
                          String reason) {
        ReportNote note = new ReportNote(ReportNote.Kind.REASON, me.id(), reason, ctx.now());
        Report open = ctx.storage.reports().openFor(subject).orElse(null);
        if (open == null) {
            return ctx.storage.reports().add(Report.open(subject, reported, thread, note)).id();
        }
        if (open.reporters().contains(me.id())) {
            throw new ConflictException("you have already reported this; the moderators have your report");
        }
        ctx.storage.reports().addNote(open.id(), note);
        return open.id();
    }

    /** Page n of the reports with the status (open ones are the queue), most recently active first. */
    public Page<ReportView> queue(Actor actor, ReportStatus status, int page) {
        if (page < 1) {
            throw InvalidInputException.of("page", "out_of_range", "pages start at 1");
        }
        ReportStatus s = status == null ? ReportStatus.OPEN : status;
        return ctx.storage.transactions().readOnly(() -> {
            staff(actor);
            long total = ctx.storage.reports().count(s);
            List<Report> reports = ctx.storage.reports().page(s, (page - 1) * PER_PAGE, PER_PAGE);
            return new Page<>(views(reports), page, Page.lastPage(total, PER_PAGE), PER_PAGE, total);
        });
    }

    public ReportView get(Actor actor, ReportId id) {
        return ctx.storage.transactions().readOnly(() -> {
            staff(actor);
            return views(List.of(existing(id))).get(0);
        });
    }

    /** A moderator's comment on a report, open or closed. */
    public ReportView comment(Actor actor, ReportId id, String comment) {
        String c = text(comment, "comment", true);
        return ctx.command(events -> {
            Member me = staff(actor);
            existing(id);
            ctx.storage.reports().addNote(id, new ReportNote(ReportNote.Kind.COMMENT, me.id(), c, ctx.now()));
            return views(List.of(existing(id))).get(0);
        });
    }

    /** Closes the report as handled; the comment (optional) is kept with it; each reporter gets an alert. */
    public ReportView resolve(Actor actor, ReportId id, String comment) {
        return close(actor, id, comment, ReportStatus.RESOLVED, AuditAction.REPORT_RESOLVE);
    }

    /** Closes the report as unfounded; otherwise as {@link #resolve}. */
    public ReportView reject(Actor actor, ReportId id, String comment) {
        return close(actor, id, comment, ReportStatus.REJECTED, AuditAction.REPORT_REJECT);
    }

    private ReportView close(Actor actor, ReportId id, String comment, ReportStatus status, AuditAction action) {
        String c = text(comment, "comment", false);
        return ctx.command(events -> {
            Member me = staff(actor);
            Report report = existing(id);
            if (!report.isOpen()) {
                throw new ConflictException("the report is already " + report.status().name().toLowerCase(Locale.ROOT));
            }
            var now = ctx.now();
            if (!c.isEmpty()) {
                ctx.storage.reports().addNote(id, new ReportNote(ReportNote.Kind.COMMENT, me.id(), c, now));
            }
            ctx.storage.reports().close(id, status, me.id(), now);
            ctx.audit.record(me.id(), action, AuditTarget.report(id.value()), "open",
                    status.name().toLowerCase(Locale.ROOT), c);
            events.add(new ForumEvent.ReportClosed(id, status, me.id(), now));
            return views(List.of(existing(id))).get(0);
        });
    }

    private Member staff(Actor actor) {
        Member me = ctx.requireMember(actor);
        ctx.policy.check(ctx.standing(me), Action.HANDLE_REPORTS, Target.NONE);
        return me;
    }

    private Report existing(ReportId id) {
        return ctx.storage.reports().byId(id).orElseThrow(() -> new NotFoundException("no report " + id));
    }

    /** Labels and names for a page of reports: one query for members and threads, one per reported post. */
    private List<ReportView> views(List<Report> reports) {
        Set<MemberId> people = new HashSet<>();
        Set<dev.forumkit.core.content.ThreadId> threads = new HashSet<>();
        Map<PostId, Post> posts = new HashMap<>();
        for (Report r : reports) {
            people.add(r.reported());
            if (r.closedBy() != null) {
                people.add(r.closedBy());
            }
            r.notes().forEach(n -> people.add(n.author()));
            if (r.thread() != null) {
                threads.add(r.thread());
                ctx.storage.posts().byId(r.subject().postId()).ifPresent(p -> posts.put(p.id(), p));
            }
        }
        Map<MemberId, Member> members = people.isEmpty() ? Map.of() : ctx.storage.members().byIds(people);
        Map<dev.forumkit.core.content.ThreadId, ForumThread> titles = threads.isEmpty() ? Map.of() : ctx.storage.threads().byIds(threads);
        Map<MemberId, String> names = new HashMap<>();
        members.forEach((id, m) -> names.put(id, m.username()));
        return reports.stream().map(r -> {
            if (r.subject().kind() == ReportSubject.Kind.MEMBER) {
                return new ReportView(r, names.getOrDefault(r.reported(), "a former member"), null, names);
            }
            if (r.subject().kind() == ReportSubject.Kind.MESSAGE) {
                var m = ctx.storage.conversations().message(dev.forumkit.core.conversation.MessageId.of(r.subject().id()));
                var c = m.flatMap(x -> ctx.storage.conversations().byId(x.conversation()));
                return new ReportView(r, c.map(x -> x.title()).orElse("a conversation that no longer exists"),
                        m.map(x -> excerpt(x.body())).orElse(null), names);
            }
            ForumThread t = titles.get(r.thread());
            Post p = posts.get(r.subject().postId());
            String excerpt = p == null ? null : excerpt(p.body());
            return new ReportView(r, t == null ? "a thread that no longer exists" : t.title(), excerpt, names);
        }).toList();
    }

    private static String excerpt(String body) {
        return body.length() <= EXCERPT ? body : body.substring(0, EXCERPT) + "…";
    }

    /** A reason or comment: trimmed, 1-1000 characters (or empty when optional), line breaks allowed. */
    private static String text(String value, String field, boolean required) {
        String clean = value == null ? "" : value.strip();
        Validation v = Validation.start();
        if (required || !clean.isEmpty()) {
            v.length(clean, field, 1, MAX_TEXT);
        }
        v.wellFormed(clean, field).orThrow();
        return clean;
    }
}
