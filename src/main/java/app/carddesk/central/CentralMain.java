package app.carddesk.central;

import java.time.Clock;

/** Starts the central service with the settings from the environment (see the README). */
public final class CentralMain {

    private CentralMain() {
    }

    public static void main(String[] args) {
        CentralConfig config = CentralConfig.fromEnvironment();
        CentralServer server = CentralServer.start(config,
                new SmtpPinMailer(config.smtpHost(), config.smtpPort(), config.mailFrom()), Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "carddesk-central-shutdown"));
    }
}
