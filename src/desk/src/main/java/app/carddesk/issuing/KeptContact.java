package app.carddesk.issuing;

/**
 * Which of a record's contact data stays when the record takes on a person from the national
 * register: staff confirm each with the patron, so no PIN goes to an address nobody confirmed.
 */
public record KeptContact(boolean email, boolean phone) {

    public static final KeptContact ALL = new KeptContact(true, true);
}
