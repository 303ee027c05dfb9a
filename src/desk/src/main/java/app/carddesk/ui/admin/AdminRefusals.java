package app.carddesk.ui.admin;

import app.carddesk.domain.Problem;
import app.carddesk.staff.StaffAdministration;

/** What the central register's refusal of an administrator's request means, in the staff's words. */
public final class AdminRefusals {

    private AdminRefusals() {
    }

    /** @param userName the account the request was about, if any */
    public static Problem problem(StaffAdministration.RefusedException refused, String userName) {
        return switch (refused.code()) {
            case "user_name_taken" -> Problem.of("admin.staff.taken", userName);
            case "permission_conflict" -> Problem.of("admin.staff.conflict");
            case "own_account" -> Problem.of("admin.staff.own");
            case "account_not_found" -> Problem.of("admin.staff.gone");
            // A round's re-activation by mail for an account without a work address (its list was old).
            case "invalid_field" -> "mail".equals(refused.field()) ? Problem.of("admin.round.noWorkEmail", userName)
                    : Problem.of("admin.staff.invalid", refused.field() == null ? "" : refused.field());
            // A library's administrator and the roles that oversee them (data protection, the organisation's).
            case "permission_denied" -> "roles".equals(refused.field()) ? Problem.of("admin.refused.overseeing")
                    : Problem.of("admin.refused.permission");
            case "already_decided" -> Problem.of("admin.refused.decided");
            case "verification_round_open" -> Problem.of("admin.refused.open");
            case "verification_round_started" -> Problem.of("admin.refused.started");
            case "no_verification_round" -> Problem.of("admin.round.none");
            case "session_invalid" -> Problem.of("admin.refused.session");
            default -> Problem.of("admin.refused", refused.getMessage());
        };
    }
}
