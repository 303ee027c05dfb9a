package app.carddesk.api;

import java.util.Optional;

/**
 * What the central register writes as an audit entry's workstation when it acts itself, not a
 * desk: the name is stored and read as it is, and a desk shows each in the staff's language.
 */
public enum CentralActor {
    /** Sending the patrons' PIN mails. */
    MAIL_SENDER("mail sender"),
    /** The daily retention job. */
    RETENTION_JOB("retention job"),
    /** The organisation's operator, through the API with the operator token. */
    OPERATOR("operator"),
    /** The operator's commands on the central's machine. */
    COMMAND_LINE("command line");

    private final String stored;

    CentralActor(String stored) {
        this.stored = stored;
    }

    /** As stored in the audit's workstation. */
    public String stored() {
        return stored;
    }

    /** The actor an entry's workstation names, if it is the central register itself. */
    public static Optional<CentralActor> of(String workstation) {
        for (CentralActor a : values()) {
            if (a.stored.equals(workstation)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
