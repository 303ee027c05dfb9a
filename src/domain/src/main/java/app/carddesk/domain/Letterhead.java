package app.carddesk.domain;

/**
 * What a library prints at the top of the letters it hands out. Every part but the name may be
 * empty.
 *
 * @param logoFile a PNG file in the desk's data folder, or null for the CardDesk mark
 */
public record Letterhead(String name, String addressLine, String postalCode, String city, String phone,
                         String email, String website, String logoFile) {

    /** The address on one line: street, postal code and town, as far as they are known. */
    public String addressText() {
        String town = (nz(postalCode) + " " + nz(city)).trim();
        return String.join(", ", java.util.stream.Stream.of(nz(addressLine), town).filter(s -> !s.isBlank())
                .toList());
    }

    /** Phone, e-mail and web site, separated by a dot, as far as they are known. */
    public String contactText() {
        return String.join(" · ", java.util.stream.Stream.of(nz(phone), nz(email), nz(website))
                .filter(s -> !s.isBlank()).toList());
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
