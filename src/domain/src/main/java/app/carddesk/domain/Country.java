package app.carddesk.domain;

/** The country whose rules and population register a library profile follows. */
public enum Country {
    DK,
    NO
}
