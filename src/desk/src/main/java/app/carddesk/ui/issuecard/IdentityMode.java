package app.carddesk.ui.issuecard;

/** Whether the patron is registered with a national ID fetched from the register, or without. */
public enum IdentityMode { NATIONAL_ID, WITHOUT }
