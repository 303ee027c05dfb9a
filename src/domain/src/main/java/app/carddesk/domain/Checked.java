package app.carddesk.domain;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking input: a value when it passed, the errors that stop it otherwise, and
 * warnings that staff may confirm and override.
 *
 * @param <T> the value that the check produced
 */
public record Checked<T>(T value, List<Problem> errors, List<Problem> warnings) {

    public Checked {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if (errors.isEmpty() && value == null) {
            throw new IllegalArgumentException("a check without errors needs a value");
        }
    }

    public static <T> Checked<T> ok(T value) {
        return new Checked<>(value, List.of(), List.of());
    }

    public static <T> Checked<T> okWithWarnings(T value, List<Problem> warnings) {
        return new Checked<>(value, List.of(), warnings);
    }

    public static <T> Checked<T> fail(Problem problem) {
        return new Checked<>(null, List.of(problem), List.of());
    }

    public boolean isOk() {
        return errors.isEmpty();
    }

    /** The first error, if any: the one the screen shows beside the field. */
    public Optional<Problem> firstError() {
        return errors.stream().findFirst();
    }
}
