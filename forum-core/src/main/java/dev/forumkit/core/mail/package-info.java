/**
 * E-mail: the {@link dev.forumkit.core.mail.Mailer} port, the validated {@link dev.forumkit.core.mail.Email} it sends,
 * an in-memory adapter for tests and a logging one for servers without an SMTP host.
 * An e-mail carries a caller's key from which a stable Message-ID is derived, so that a re-send after a crash can be
 * recognised as the same message.
 */
package dev.forumkit.core.mail;
