package dev.forumkit.web;

import dev.forumkit.web.internal.AdminRoutes;
import dev.forumkit.web.internal.ApiKeyRoutes;
import dev.forumkit.web.internal.WebhookRoutes;
import dev.forumkit.web.internal.AuditRoutes;
import dev.forumkit.web.internal.ApprovalRoutes;
import dev.forumkit.web.internal.ConversationRoutes;
import dev.forumkit.web.internal.ReportRoutes;
import dev.forumkit.web.internal.WarningRoutes;
import dev.forumkit.web.internal.AlertRoutes;
import dev.forumkit.web.internal.Admission;
import dev.forumkit.web.internal.AdmissionHandler;
import dev.forumkit.web.internal.Api;
import dev.forumkit.web.internal.BoardRoutes;
import dev.forumkit.web.internal.GroupRoutes;
import dev.forumkit.web.internal.PermissionRoutes;
import dev.forumkit.web.internal.AccountRoutes;
import dev.forumkit.web.internal.MemberRoutes;
import dev.forumkit.web.internal.OutboxRoutes;
import dev.forumkit.web.internal.PasswordResetRoutes;
import dev.forumkit.web.internal.EmailVerificationRoutes;
import dev.forumkit.web.internal.SearchRoutes;
import dev.forumkit.web.internal.Pipeline;
import dev.forumkit.web.internal.PluginSettings;
import dev.forumkit.web.internal.PostRoutes;
import dev.forumkit.web.internal.RouteTable;
import dev.forumkit.web.internal.SecurityHeaders;
import dev.forumkit.web.internal.SessionRoutes;
import dev.forumkit.web.internal.ThreadRoutes;
import dev.forumkit.web.internal.WatchRoutes;
import dev.forumkit.web.internal.html.PageTable;
import dev.forumkit.web.internal.html.Pages;
import io.javalin.config.JavalinState;
import io.javalin.plugin.Plugin;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The whole forum for a Javalin app, added with one registration:
 *
 * <pre>{@code
 * Javalin.create(config -> config.registerPlugin(new ForumPlugin(forum -> forum
 *         .forum(Forum.create(storage))
 *         .basePath("/community")
 *         .sessions(s -> s.secureCookies(true)))));
 * }</pre>
 *
 * The JSON API lives under {@code <basePath>/api/v1}, the HTML pages at {@code <basePath>/} (board index),
 * {@code /boards/slug.id/}, {@code /threads/slug.id/page-n} and so on. Every route and page, with its access rule, is
 * listed by {@link #routes()}. Requests to the forum's paths pass admission control first (see
 * {@link AdmissionConfig}): beyond a bounded number in flight and a bounded wait they get 503 at once. The settings
 * are read once, when Javalin initialises the plugin, and cannot change afterwards.
 */
public final class ForumPlugin extends Plugin<ForumPluginConfig> {
    private RouteTable table;
    private PageTable pages;
    private Api api;

    public ForumPlugin(Consumer<ForumPluginConfig> configure) {
        super(configure, new ForumPluginConfig());
    }

    @Override
    public void onInitialize(JavalinState state) {
        PluginSettings settings = pluginConfig.freeze();
        Api api = new Api(settings);
        this.api = api;
        Pipeline pipeline = new Pipeline(api);
        this.table = new RouteTable(settings.apiPrefix());
        SessionRoutes.register(table);
        AccountRoutes.register(table); // before MemberRoutes: /members/online is not a member id
        MemberRoutes.register(table);
        BoardRoutes.register(table);
        ThreadRoutes.register(table);
        PostRoutes.register(table);
        AdminRoutes.register(table);
        GroupRoutes.register(table);
        PermissionRoutes.register(table);
        AlertRoutes.register(table);
        WatchRoutes.register(table);
        ConversationRoutes.register(table);
        OutboxRoutes.register(table);
        PasswordResetRoutes.register(table);
        EmailVerificationRoutes.register(table);
        SearchRoutes.register(table);
        ReportRoutes.register(table);
        WarningRoutes.register(table);
        AuditRoutes.register(table);
        ApprovalRoutes.register(table);
        ApiKeyRoutes.register(table);
        WebhookRoutes.register(table);
        dev.forumkit.web.internal.AttachmentRoutes.register(table);
        dev.forumkit.web.internal.LiveRoutes.register(table);
        dev.forumkit.web.internal.AvatarRoutes.register(table);
        dev.forumkit.web.internal.OpenApiRoutes.register(table); // after every other route: it documents them all
        this.pages = new PageTable(settings.basePath());
        Pages.register(pages);
        dev.forumkit.web.internal.feed.FeedPages.register(pages);
        dev.forumkit.web.internal.feed.SitemapPages.register(pages);
        if (settings.security().headersEverywhere()) {
            state.routes.before(ctx -> SecurityHeaders.apply(ctx, settings.security()));
        }
        table.install(state.routes, pipeline);
        pages.install(state.routes, pipeline);
        state.events.serverStopping(api.live()::close); // open streams would hold up the graceful stop
        state.events.serverStopped(api::close);
        PluginSettings.Admission admission = settings.admission();
        if (admission.on()) {
            Admission slots = new Admission(admission.maxConcurrentRequests(), admission.maxQueuedRequests(),
                    admission.queueTimeout());
            api.live().shedWhen(slots::busy);
            AdmissionHandler handler = new AdmissionHandler(slots, settings.basePath(), settings.apiPrefix(),
                    admission.exempt());
            state.jetty.modifyServer(server -> server.insertHandler(handler));
        }
    }

    /** Every route (API) and page (HTML) the plugin registered, with its access rule; empty before the app is created. */
    public List<ForumRoute> routes() {
        return table == null ? List.of() : Stream.concat(table.routes().stream(), pages.routes().stream()).toList();
    }

    /** This node's live-update streams: open now, and refused, shed and events sent since the start. */
    public LiveStats live() {
        return api == null ? new LiveStats(0, 0, 0, 0)
                : new LiveStats(api.live().open(), api.live().refused(), api.live().shed(), api.live().sent());
    }

    @Override
    public String name() {
        return "forumkit";
    }
}
