package dev.forumkit.web.internal.html;

/** The friendly page for a failure: what happened in plain words, the error id of a 500, and any text kept. */
public final class ErrorPages {
    private ErrorPages() {
    }

    /** The failure as people read it. */
    public record Failure(int status, String code, String message, String errorId) {
        public String heading() {
            if (code.equals("search_unavailable")) {
                return "Search is unavailable"; // turned off, not a moment's outage: "back in a moment" would mislead
            }
            return switch (status) {
                case 403 -> "You can't do that";
                case 404 -> "Not found";
                case 409 -> "That clashed with another change";
                case 422 -> "Something is not right";
                case 429 -> "Slow down a little";
                case 503 -> "Back in a moment";
                default -> status >= 500 ? "Something went wrong" : "That didn't work";
            };
        }
    }

    public static View error(int status, String code, String message, String errorId, String kept) {
        Failure f = new Failure(status, code == null ? "error" : code, message == null ? "" : message, errorId);
        return View.of("error", f.heading()).noindex().status(status).with("failure", f).with("kept", kept);
    }
}
