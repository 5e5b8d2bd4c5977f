/**
 * Recount: recomputes every counter from the rows, reports and repairs what differed.
 * Both a repair tool for operators and the oracle of the storage contract suite.
 */
package dev.forumkit.core.counter;
