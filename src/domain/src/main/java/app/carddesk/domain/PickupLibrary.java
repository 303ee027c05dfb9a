package app.carddesk.domain;

/**
 * A library where a patron can collect what they ordered.
 *
 * @param code short code, unique within the organisation
 * @param name the library's own name (a proper noun, shown as it is in every language)
 */
public record PickupLibrary(String code, String name) {
}
