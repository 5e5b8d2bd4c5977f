/**
 * forumkit's storage on real databases: {@link dev.forumkit.persistence.jdbi.JdbiForumStorage} runs every storage
 * port on H2 (the embedded default) or PostgreSQL through Jdbi, with Flyway migrations and HikariCP pools.
 * {@link dev.forumkit.persistence.jdbi.JdbiBulkLoader} loads large imports fast and puts the counters right after;
 * {@link dev.forumkit.persistence.jdbi.JdbiExportReader} and {@link dev.forumkit.persistence.jdbi.JdbiImportWriter}
 * read and write the rows of an export dump (docs/export.md).
 */
package dev.forumkit.persistence.jdbi;
