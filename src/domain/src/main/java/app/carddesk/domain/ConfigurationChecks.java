package app.carddesk.domain;

import java.util.List;

/** The checks each field of a {@link LibraryConfiguration} is put through, one problem per fault. */
final class ConfigurationChecks {

    private ConfigurationChecks() {
    }

    static boolean tooMany(List<LibraryConfiguration.Problem> out, String field, List<?> list) {
        if (list != null && list.size() > LibraryConfiguration.MAX_ENTRIES) {
            out.add(LibraryConfiguration.Problem.of(field, "tooMany", LibraryConfiguration.MAX_ENTRIES, list.size()));
            return true;
        }
        return false;
    }

    static void text(List<LibraryConfiguration.Problem> out, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                out.add(LibraryConfiguration.Problem.of(field, "required"));
            }
            return;
        }
        if (value.length() > max) {
            out.add(LibraryConfiguration.Problem.of(field, "tooLong", max, value.length()));
        }
        if (value.chars().anyMatch(ch -> ch < 0x20 && ch != '\n')) {
            out.add(LibraryConfiguration.Problem.of(field, "control"));
        }
    }

    static void texts(List<LibraryConfiguration.Problem> out, String field, LibraryConfiguration.Texts value, int max) {
        if (value == null) {
            out.add(LibraryConfiguration.Problem.of(field, "texts"));
            return;
        }
        text(out, field + ".da", value.da(), max, false);
        text(out, field + ".nb", value.nb(), max, false);
        text(out, field + ".en", value.en(), max, true);
    }

    static void range(List<LibraryConfiguration.Problem> out, String field, Integer value, int min, int max, boolean required) {
        if (value == null) {
            if (required) {
                out.add(LibraryConfiguration.Problem.of(field, "numberRequired", min, max));
            }
            return;
        }
        if (value < min || value > max) {
            out.add(LibraryConfiguration.Problem.of(field, "numberRange", min, max, value));
        }
    }
}
