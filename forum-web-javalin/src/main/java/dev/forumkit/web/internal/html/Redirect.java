package dev.forumkit.web.internal.html;

/** An answer that sends the browser elsewhere: 303 after a form, 301 to a page's canonical address, 302 to a post. */
public record Redirect(String location, int status) {
    public static Redirect seeOther(String location) {
        return new Redirect(location, 303);
    }

    public static Redirect permanent(String location) {
        return new Redirect(location, 301);
    }

    public static Redirect found(String location) {
        return new Redirect(location, 302);
    }
}
