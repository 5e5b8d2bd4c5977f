/**
 * Reports: members flag a post or a member profile with a reason; reports of the same content merge into one open
 * report, which moderators comment on, resolve or reject from a queue, and each reporter is told the outcome.
 */
package dev.forumkit.core.report;
