package app.carddesk.domain;

/** A postal contact address. */
public record Address(String line, String postalCode, String city, String country) {

    public static Address empty() {
        return new Address("", "", "", "");
    }
}
