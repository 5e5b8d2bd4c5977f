package dev.forumkit.markup;

import dev.forumkit.core.markup.Html;
import dev.forumkit.core.markup.MarkupRenderer;
import dev.forumkit.core.markup.MentionResolver;
import dev.forumkit.core.markup.PlainTextRenderer;
import dev.forumkit.core.markup.Rendered;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.autolink.AutolinkType;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Document;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The forum's markup: CommonMark (with GFM tables, strikethrough and autolinks) plus quotes, mentions, spoilers and
 * the BBCode subset {@code [b] [i] [u] [s] [url] [img] [quote] [code] [list] [spoiler]}, all passed through an
 * allow-list sanitiser. Create one with {@link #create()} and share it; it is thread-safe.
 *
 * <pre>{@code
 * [quote=ann post=123]
 * Where do you ride?
 * [/quote]
 * Along the river, @ann. [spoiler=Route]Past the old mill[/spoiler]
 * }</pre>
 */
public final class ForumMarkupRenderer implements MarkupRenderer {
    /** Changes whenever the same source would render differently. */
    public static final String VERSION = "forum-markup/1";

    /** Most table cells a post may hold (see {@link TableBudget}); over it, table syntax stays text. */
    static final int MAX_TABLE_CELLS = 10_000;
    /**
     * Rendered HTML may be at most this many characters per source character (plus {@link #OUTPUT_ALLOWANCE}).
     * Ordinary posts stay far below; this is a backstop against blow-ups nobody has thought of yet, which are shown
     * as plain text instead.
     */
    static final int MAX_OUTPUT_RATIO = 16;
    static final int OUTPUT_ALLOWANCE = 16_384;

    private static final PlainTextRenderer PLAIN = new PlainTextRenderer();
    private static final System.Logger LOG = System.getLogger(ForumMarkupRenderer.class.getName());

    private final Parser parser;
    private final Parser parserWithoutTables;
    private final HtmlRenderer htmlRenderer;

    private ForumMarkupRenderer(Config config) {
        Extension tables = TablesExtension.builder().maxCells(MAX_TABLE_CELLS).build();
        List<Extension> inline = List.of(
                StrikethroughExtension.builder().requireTwoTildes(true).build(),
                AutolinkExtension.builder().linkTypes(AutolinkType.URL, AutolinkType.WWW, AutolinkType.EMAIL).build());
        this.parser = parser(tables, inline);
        this.parserWithoutTables = parser(null, inline);
        Function<PostId, String> postUrl = config.postUrl;
        this.htmlRenderer = HtmlRenderer.builder()
                .extensions(List.of(tables, inline.get(0)))
                .escapeHtml(true)
                .sanitizeUrls(true)
                .percentEncodeUrls(true)
                .softbreak("<br />\n")
                .nodeRendererFactory(context -> new ForumNodeRenderer(context, postUrl))
                .build();
    }

    private static Parser parser(Extension tables, List<Extension> inline) {
        Parser.Builder builder = Parser.builder()
                .maxOpenBlockParsers(32)
                .maxInlineNesting(32)
                .postProcessor(new InlineTags()); // before the extensions' autolinker, see InlineTags
        if (tables != null) {
            builder.extensions(List.of(tables));
        }
        return builder.extensions(inline).postProcessor(new UnsafeImages()).build();
    }

    /** A renderer with the default settings: quoted posts link to {@code /posts/{id}/}. */
    public static ForumMarkupRenderer create() {
        return create(config -> {
        });
    }

    /** A renderer with settings, e.g. {@code create(c -> c.postUrl(id -> "/forum/posts/" + id + "/"))}. */
    public static ForumMarkupRenderer create(Consumer<Config> configure) {
        Config config = new Config();
        configure.accept(config);
        return new ForumMarkupRenderer(config);
    }

    /**
     * Renders a post. Never throws for any source (null renders as nothing); only an exception from the resolver
     * comes through. Mentions are reported only for members the resolver knew; quotes for every outermost
     * {@code [quote]} that names a post.
     */
    @Override
    public Rendered render(String source, MentionResolver mentions) {
        String text = Html.clean(source);
        Document document = new Document();
        try {
            Parser markdown = TableBudget.cells(text) > MAX_TABLE_CELLS ? parserWithoutTables : parser;
            new TreeBuilder(markdown).append(document, BlockTags.parse(text));
        } catch (RuntimeException e) {
            return asPlainText(text, e);
        }
        Set<MemberId> mentioned = Mentions.link(document, mentions == null ? MentionResolver.NONE : mentions);
        Set<PostId> quoted = Quotes.in(document);
        try {
            String html = htmlRenderer.render(document);
            if (html.length() > (long) MAX_OUTPUT_RATIO * text.length() + OUTPUT_ALLOWANCE) {
                return new Rendered(AllowList.sanitize(PLAIN.render(text, MentionResolver.NONE).html()), Set.of(),
                        VERSION);
            }
            return new Rendered(AllowList.sanitize(html), mentioned, quoted, VERSION);
        } catch (RuntimeException e) {
            return asPlainText(text, e);
        }
    }

    /** A bug here must not cost a member their post: it is shown as plain text, and logged. */
    private static Rendered asPlainText(String text, RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "post rendered as plain text after a renderer failure", e);
        return new Rendered(AllowList.sanitize(PLAIN.render(text, MentionResolver.NONE).html()), Set.of(), VERSION);
    }

    @Override
    public String version() {
        return VERSION;
    }

    /** Settings for {@link #create(Consumer)}. */
    public static final class Config {
        private Function<PostId, String> postUrl = id -> "/posts/" + id + "/";

        private Config() {
        }

        /**
         * Where a quote's attribution links to, for forums mounted below the site root. The address must be a path
         * on this site ({@code /...}) or an http(s) URL, or the sanitiser drops the link.
         */
        public Config postUrl(Function<PostId, String> postUrl) {
            this.postUrl = Objects.requireNonNull(postUrl, "postUrl");
            return this;
        }
    }
}
