package dev.forumkit.mail.smtp;

import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * GreenMail servers for tests: on a free port, with time to start on a busy machine (TLS loads a key store first).
 * Shared with the other modules' e-mail tests through this module's test-jar.
 */
public final class TestSmtpServers {
    private TestSmtpServers() {
    }

    public static ServerSetup smtp() {
        return patient(ServerSetupTest.SMTP.dynamicPort());
    }

    public static ServerSetup smtps() {
        return patient(ServerSetupTest.SMTPS.dynamicPort());
    }

    private static ServerSetup patient(ServerSetup setup) {
        setup.setServerStartupTimeout(30_000);
        return setup;
    }
}
