package app.carddesk.domain;

/** How the patron got their PIN. */
public enum PinDelivery {
    /** A random PIN is e-mailed to the patron; nobody at the desk sees it. */
    EMAIL,
    /** The patron typed their own PIN at the desk and was asked to change it soon. */
    OWN_PIN
}
