package app.carddesk;

import app.carddesk.text.Messages;

/** What the desk tells staff when it cannot start, in their language, with what to do. */
final class StartupFailure {

    private StartupFailure() {
    }

    static String text(Messages messages, Throwable failure) {
        if (failure instanceof DeskBackend.UnknownProfileException unknown) {
            return unknown.known().isBlank() ? messages.get("startup.unknownProfileNone", unknown.profile())
                    : messages.get("startup.unknownProfile", unknown.profile(), unknown.known());
        }
        if (failure instanceof app.carddesk.store.Database.WrongKeyException) {
            return messages.get("startup.registerKeyWrong");
        }
        if (failure instanceof app.carddesk.store.Database.RegisterInUseException) {
            return messages.get("startup.registerInUse");
        }
        return messages.get("startup.failed", failure.getClass().getSimpleName());
    }
}
