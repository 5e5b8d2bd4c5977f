package dev.forumkit.web.internal.html;

import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.read.BoardIndex;
import dev.forumkit.core.search.SearchResults;
import dev.forumkit.core.search.SearchUnavailableException;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;
import dev.forumkit.web.internal.SearchParams;
import dev.forumkit.web.internal.SearchRoutes;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The search page: the advanced form, and the results of the search the query string asks for. A plain GET form,
 * so it works without JavaScript and a results page can be linked to.
 */
final class SearchPages {
    private static final List<String> FIELDS = List.of("q", "author", "from", "to", "titles", "sort");

    private SearchPages() {
    }

    static void register(PageTable t) {
        t.get("/search/", Access.ANYONE, SearchPages::search);
    }

    private static Object search(Call call) {
        if (!call.api().forum().search().available()) {
            throw new SearchUnavailableException(); // the error page says so, with 503; the form would lead nowhere
        }
        Context ctx = call.ctx();
        Form form = Form.empty();
        for (String f : FIELDS) {
            String v = ctx.queryParam(f);
            if (v != null) {
                form.set(f, v);
            }
        }
        List<String> chosen = ctx.queryParams("board");
        List<BoardChoice> boards = new ArrayList<>();
        BoardIndex index = call.api().forum().reading().boardIndex(call.actor());
        for (BoardIndex.Section s : index.categories()) {
            for (BoardIndex.BoardSummary b : s.boards()) {
                Board board = b.board();
                boards.add(new BoardChoice(board.id().value(), board.title(), chosen.contains(Long.toString(board.id().value()))));
            }
        }
        Links links = ReadPages.links(call);
        SearchResults results = null;
        int status = 200;
        if (SearchParams.asked(ctx)) {
            try {
                results = SearchRoutes.search(call);
            } catch (InvalidInputException e) {
                form.withErrors(e, "q", "author", "from", "to", "sort");
                status = 422;
            }
        }
        String q = form.value("q").strip();
        Text title = results == null ? new Text("layout.search.button") : q.isEmpty() ? new Text("search.results")
                : new Text("search.resultsFor", q);
        if (results != null && results.results().currentPage() > 1) {
            title = new Text("title.paged", title, results.results().currentPage());
        }
        Pager pager = results == null ? null : Pager.of(results.results(), n -> pageHref(links, ctx, n));
        return View.of("search", title).crumb(new Text("nav.forums"), links.home()).noindex().status(status)
                .with("form", form).with("boards", boards).with("results", results).with("pager", pager);
    }

    /** The same search, page n. */
    private static String pageHref(Links links, Context ctx, int n) {
        StringBuilder b = new StringBuilder(links.search());
        char sep = '?';
        for (String f : List.of("q", "author", "board", "from", "to", "titles", "sort")) {
            for (String v : ctx.queryParams(f)) {
                b.append(sep).append(f).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        if (n > 1) {
            b.append(sep).append("page=").append(n);
        }
        return b.toString();
    }
}
