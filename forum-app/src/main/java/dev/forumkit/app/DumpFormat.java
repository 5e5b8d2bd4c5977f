package dev.forumkit.app;

/**
 * The export format's name and version (docs/export.md). The version changes when a reader of the old version
 * could misread a new dump; added optional fields do not change it.
 */
final class DumpFormat {
    static final String NAME = "forumkit-export";
    /** Version 2 added the tables of {@code DumpTable.ALL} (attachments, conversations, reports, ...). */
    static final int VERSION = 2;
    /** The oldest version this forumkit still reads: a version 1 dump is a version 2 dump without those records. */
    static final int OLDEST_READ = 1;
    /** Stored for members exported without their password hash: no hasher produces it, so no password matches. */
    static final String NO_PASSWORD = "!imported";

    private DumpFormat() {
    }

    /** The forumkit version that wrote a dump: the jar's, or "dev" when run from classes (tests). */
    static String forumVersion() {
        String v = DumpFormat.class.getPackage().getImplementationVersion();
        if (v != null) {
            return v;
        }
        try (var in = DumpFormat.class.getResourceAsStream("/META-INF/maven/dev.forumkit/forum-app/pom.properties")) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                return p.getProperty("version", "dev");
            }
        } catch (java.io.IOException e) {
            // unknown, as below
        }
        return "dev";
    }
}
