package dev.forumkit.app;

import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/** GreenMail servers for tests: on a free port, with time to start on a busy machine (TLS loads a key store first). */
final class TestSmtpServers {
    private TestSmtpServers() {
    }

    static ServerSetup smtp() {
        return patient(ServerSetupTest.SMTP.dynamicPort());
    }

    static ServerSetup smtps() {
        return patient(ServerSetupTest.SMTPS.dynamicPort());
    }

    private static ServerSetup patient(ServerSetup setup) {
        setup.setServerStartupTimeout(30_000);
        return setup;
    }
}
