package dev.forumkit.web.internal.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A page to render: its template (under {@code src/main/jte}, without {@code .jte}), status, title, crumbs and model. */
public final class View {
    private final String template;
    private final String title;
    private final List<Crumb> crumbs = new ArrayList<>();
    private final Map<String, Object> model = new LinkedHashMap<>();
    private int status = 200;
    private boolean noindex;

    private View(String template, String title) {
        this.template = template;
        this.title = title;
    }

    public static View of(String template, String title) {
        return new View(template, title);
    }

    public View crumb(String label, String href) {
        crumbs.add(new Crumb(label, href));
        return this;
    }

    public View with(String key, Object value) {
        model.put(key, value);
        return this;
    }

    public View status(int value) {
        this.status = value;
        return this;
    }

    /** Forms and error pages are of no use to search engines. */
    public View noindex() {
        this.noindex = true;
        return this;
    }

    public boolean isNoindex() {
        return noindex;
    }

    public String template() {
        return template;
    }

    public String title() {
        return title;
    }

    public List<Crumb> crumbs() {
        return List.copyOf(crumbs);
    }

    public Map<String, Object> model() {
        return model;
    }

    public int status() {
        return status;
    }

}
