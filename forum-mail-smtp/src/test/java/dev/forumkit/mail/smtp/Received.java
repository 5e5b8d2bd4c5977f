package dev.forumkit.mail.smtp;

import dev.forumkit.core.mail.EmailAddress;
import dev.forumkit.testkit.mail.ReceivedEmail;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a message GreenMail received into the contract's view of it, decoding what the wire format encoded. */
final class Received {
    private Received() {
    }

    static ReceivedEmail of(MimeMessage message) {
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header h : Collections.list(message.getAllHeaders())) {
                headers.putIfAbsent(h.getName(), MimeUtility.decodeText(MimeUtility.unfold(h.getValue())));
            }
            String text = null;
            String html = null;
            Object content = message.getContent();
            if (content instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    Part part = parts.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = (String) part.getContent();
                    } else if (part.isMimeType("text/html")) {
                        html = (String) part.getContent();
                    }
                }
            } else {
                text = (String) content;
            }
            return new ReceivedEmail(mailbox((InternetAddress) message.getFrom()[0]),
                    mailbox((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]),
                    message.getSubject(), text, html, message.getMessageID(), headers);
        } catch (MessagingException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot read a received message", e));
        }
    }

    private static EmailAddress mailbox(InternetAddress a) {
        return new EmailAddress(a.getAddress(), a.getPersonal());
    }
}
