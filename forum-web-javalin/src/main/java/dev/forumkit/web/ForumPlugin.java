package dev.forumkit.web;

import dev.forumkit.web.internal.AdminRoutes;
import dev.forumkit.web.internal.Admission;
import dev.forumkit.web.internal.AdmissionHandler;
import dev.forumkit.web.internal.Api;
import dev.forumkit.web.internal.BoardRoutes;
import dev.forumkit.web.internal.MemberRoutes;
import dev.forumkit.web.internal.PageTable;
import dev.forumkit.web.internal.PostRoutes;
import dev.forumkit.web.internal.RouteTable;
import dev.forumkit.web.internal.SecurityHeaders;
import dev.forumkit.web.internal.SessionRoutes;
import dev.forumkit.web.internal.ThreadRoutes;
import dev.forumkit.web.internal.html.JteRenderer;
import dev.forumkit.web.internal.html.Pages;
import io.javalin.config.JavalinState;
import io.javalin.plugin.Plugin;

import java.util.List;
import java.util.stream.Stream;
import java.util.function.Consumer;

/**
 * The whole forum for a Javalin app, added with one registration:
 *
 * <pre>{@code
 * Javalin.create(config -> config.registerPlugin(new ForumPlugin(forum -> forum
 *         .forum(Forum.create(storage))
 *         .basePath("/community")
 *         .secureCookies(true))));
 * }</pre>
 *
 * The JSON API lives under {@code <basePath>/api/v1}, the HTML pages at {@code <basePath>/} (board index),
 * {@code /boards/slug.id/}, {@code /threads/slug.id/page-n} and so on. Every route and page, with its access rule, is
 * listed by {@link #routes()}. Requests to the forum's paths pass admission control first (see
 * {@link ForumPluginConfig#admission}): beyond a bounded number in flight and a bounded wait they get 503 at once.
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
        ForumPluginConfig config = pluginConfig;
        if (config.forum() == null) {
            throw new IllegalStateException("ForumPlugin needs a forum: new ForumPlugin(c -> c.forum(forum))");
        }
        this.api = new Api(config);
        this.table = new RouteTable(config.basePath() + "/api/v1");
        SessionRoutes.register(table);
        MemberRoutes.register(table);
        BoardRoutes.register(table);
        ThreadRoutes.register(table);
        PostRoutes.register(table);
        AdminRoutes.register(table);
        this.pages = new PageTable(config.basePath());
        Pages.register(pages);
        if (config.securityHeadersEverywhere()) {
            state.routes.before(SecurityHeaders::apply);
        }
        table.install(state.routes, api);
        pages.install(state.routes, api, new JteRenderer(), table.prefix());
        state.events.serverStopped(api::close);
        if (config.maxConcurrentRequests() > 0) {
            AdmissionHandler admission = new AdmissionHandler(new Admission(config.maxConcurrentRequests(),
                    config.maxQueuedRequests(), config.queueTimeout()), config.basePath(), table.prefix(), config.admissionExempt());
            state.jetty.modifyServer(server -> server.insertHandler(admission));
        }
    }

    /** Every route (API) and page (HTML) the plugin registered, with its access rule; empty before the app is created. */
    public List<ForumRoute> routes() {
        return table == null ? List.of() : Stream.concat(table.routes().stream(), pages.routes().stream()).toList();
    }

    /** The configuration as applied. */
    public ForumPluginConfig config() {
        return pluginConfig;
    }

    @Override
    public String name() {
        return "forumkit";
    }
}
