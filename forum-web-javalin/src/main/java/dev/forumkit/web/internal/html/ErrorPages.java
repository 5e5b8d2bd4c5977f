package dev.forumkit.web.internal.html;

/** The friendly page for a failure: what happened in plain words, the error id of a 500, and any text kept. */
public final class ErrorPages {
    private ErrorPages() {
    }

    /** The failure as people read it. */
    public record Failure(int status, String code, String message, String errorId) {
        /** The key of the page's heading in the bundles. */
        public String heading() {
            if (code.equals("search_unavailable")) {
                return "errorPage.searchUnavailable"; // turned off, not a moment's outage: "back in a moment" would mislead
            }
            return switch (status) {
                case 403 -> "errorPage.403";
                case 404 -> "errorPage.404";
                case 409 -> "errorPage.409";
                case 422 -> "errorPage.422";
                case 429 -> "errorPage.429";
                case 503 -> "errorPage.503";
                default -> status >= 500 ? "errorPage.500" : "errorPage.other";
            };
        }
    }

    public static View error(int status, String code, String message, String errorId, String kept) {
        Failure f = new Failure(status, code == null ? "error" : code, message == null ? "" : message, errorId);
        return View.of("error", new Text(f.heading())).noindex().status(status).with("failure", f).with("kept", kept);
    }
}
