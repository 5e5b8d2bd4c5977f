/**
 * {@link dev.forumkit.mail.smtp.SmtpMailer}: the forumkit {@code Mailer} over SMTP on Jakarta Mail (Eclipse Angus
 * Mail), with plain, STARTTLS or implicit TLS connections, optional log-in and timeouts.
 * Configure it with {@link dev.forumkit.mail.smtp.SmtpSettings} and pass it to {@code ForumConfig.mailer(...)}.
 */
package dev.forumkit.mail.smtp;
