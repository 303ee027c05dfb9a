package app.carddesk.domain;

import java.time.LocalDate;

/**
 * A checked national identity number.
 *
 * @param kind      what kind of number it is
 * @param number    digits only, as stored; {@code null} at a library that is not the patron's home
 *                  library, which knows the kind of the number but not the number (ADR 0008)
 * @param birthDate the birth date the number encodes, or {@code null} where it encodes none (DUF)
 */
public record IdentityNumber(IdentityKind kind, String number, LocalDate birthDate) {

    /**
     * A Danish replacement number (erstatningspersonnummer: day + 60), given while the real CPR
     * number is unknown: the patron must be re-registered on their real number when it is known.
     */
    public boolean needsReRegistration() {
        return kind == IdentityKind.CPR && number != null && Integer.parseInt(number.substring(0, 2)) > 60;
    }

    /** The number is kept by the patron's home library only: this library knows its kind. */
    public boolean heldElsewhere() {
        return number == null;
    }

    /** The number as people write it: CPR numbers with their hyphen. */
    public String display() {
        if (number == null) {
            return "";
        }
        return kind == IdentityKind.CPR ? number.substring(0, 6) + "-" + number.substring(6) : number;
    }

    /** The number with all but the birth date hidden, for screens that only need to recognise it. */
    public String masked() {
        if (number == null) {
            return "";
        }
        return switch (kind) {
            case CPR -> number.substring(0, 6) + "-XXXX";
            case FNR, D_NUMBER -> number.substring(0, 6) + "XXXXX";
            case DUF -> number.substring(0, 4) + "XXXXXXXX";
            case NONE -> "";
        };
    }
}
