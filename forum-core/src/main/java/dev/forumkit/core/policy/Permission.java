package dev.forumkit.core.policy;

/**
 * A cell column of the permission grid: what a group (or one member) may do on a board. The grid says whether the
 * permission is granted; {@link Policy} adds the situation (locked, deleted, own post) to decide an {@link Action}.
 */
public enum Permission {
    VIEW_BOARD("view board"),
    READ_THREADS("read threads"),
    START_THREAD("start threads"),
    REPLY("reply"),
    REACT("react"),
    EDIT_OWN_POST("edit own posts"),
    DELETE_OWN_POST("delete own posts"),
    UPLOAD("upload files"),
    VOTE_IN_POLLS("vote in polls"),
    MODERATE("moderate (lock, pin, move, delete, restore, approve, edit others)"),
    SEE_DELETED("see deleted content"),
    VIEW_ATTACHMENTS("view attachments"),

    /** Forum-wide only: the title shown under the member's name (admins set anyone's regardless). */
    SET_CUSTOM_TITLE("set own custom title");

    private final String label;

    Permission(String label) {
        this.label = label;
    }

    /** How pages and explanations name it. */
    public String label() {
        return label;
    }

    int bit() {
        return 1 << ordinal();
    }

    /** The lower-case name used in the JSON API and forms ({@code view_board}). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses {@link #key()} (or the enum name); null for anything else. */
    public static Permission parse(String key) {
        if (key == null) {
            return null;
        }
        for (Permission p : values()) {
            if (p.key().equalsIgnoreCase(key.strip())) {
                return p;
            }
        }
        return null;
    }
}
