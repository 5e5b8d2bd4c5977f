/**
 * forumkit's storage on real databases: {@link dev.forumkit.persistence.jdbi.JdbiForumStorage} runs every storage
 * port on H2 (the embedded default) or PostgreSQL through Jdbi, with Flyway migrations and HikariCP pools.
 * {@link dev.forumkit.persistence.jdbi.JdbiBulkLoader} loads large imports fast and puts the counters right after.
 */
package dev.forumkit.persistence.jdbi;
