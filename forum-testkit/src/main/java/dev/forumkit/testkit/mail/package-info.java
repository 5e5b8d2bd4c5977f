/**
 * {@link dev.forumkit.testkit.mail.MailerContract}, the suite that defines a correct {@code Mailer}, and the
 * {@link dev.forumkit.testkit.mail.ReceivedEmail} view of what arrived that each adapter's test supplies.
 * An adapter proves itself with one test class that extends the contract and reads back what its server received.
 */
package dev.forumkit.testkit.mail;
