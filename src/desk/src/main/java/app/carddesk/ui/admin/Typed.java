package app.carddesk.ui.admin;

import app.carddesk.domain.LibraryConfiguration.Problem;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** What staff typed into a form's fields, made into the configuration's values. */
final class Typed {

    private Typed() {
    }

    /** A typed whole number; empty is none; anything else is a problem at {@code field}. */
    static Integer whole(List<Problem> wrong, String field, String typed) {
        Long value = wholeLong(wrong, field, typed);
        if (value == null) {
            return null;
        }
        if (value > Integer.MAX_VALUE) {
            wrong.add(Problem.of(field, "wholeNumber"));
            return null;
        }
        return value.intValue();
    }

    static Long wholeLong(List<Problem> wrong, String field, String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (!t.matches("[0-9]{1,18}")) {
            wrong.add(Problem.of(field, "wholeNumber"));
            return null;
        }
        return Long.parseLong(t);
    }

    static StringProperty text() {
        return new SimpleStringProperty("");
    }

    static String number(Number n) {
        return n == null ? "" : n.toString();
    }

    static String none(String s) {
        return s == null ? "" : s;
    }

    static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    static String blankIsNone(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
