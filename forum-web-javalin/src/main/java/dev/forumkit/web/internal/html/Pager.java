package dev.forumkit.web.internal.html;

import dev.forumkit.core.read.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** The page links of a paged list: first, last, two either side of the current one, and gaps between. */
public record Pager(int current, int last, List<Item> items, String previous, String next) {
    /** One page link, or a gap ({@code number} 0). */
    public record Item(int number, String href, boolean current) {
        public boolean gap() {
            return number == 0;
        }
    }

    public static Pager of(Page<?> page, IntFunction<String> href) {
        int cur = page.currentPage();
        int last = page.lastPage();
        List<Item> items = new ArrayList<>();
        int shown = 0;
        for (int n = 1; n <= last; n++) {
            if (n == 1 || n == last || Math.abs(n - cur) <= 2) {
                if (n - shown > 1) {
                    items.add(new Item(0, null, false));
                }
                items.add(new Item(n, href.apply(n), n == cur));
                shown = n;
            }
        }
        return new Pager(cur, last, items, cur > 1 ? href.apply(cur - 1) : null, cur < last ? href.apply(cur + 1) : null);
    }

    public boolean needed() {
        return last > 1;
    }
}
