package dev.forumkit.persistence.jdbi;

/** The forum in the schema {@code forum} of a host's H2 database, beside the host's own tables and history. */
class H2HostDatabaseTest extends HostDatabaseContract {
    @Override
    protected HostDatabase openHost() {
        return HostDatabase.h2();
    }
}
