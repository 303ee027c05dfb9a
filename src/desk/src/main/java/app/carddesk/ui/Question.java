package app.carddesk.ui;

/**
 * The questions the desk asks before something cannot be taken back: the sentence, the button
 * that goes ahead (saying what it does) and the button that keeps things as they are, which is
 * the default, so Enter (or a scanner's Enter) never destroys anything.
 */
public enum Question {
    CANCEL_CHECKLIST("confirm.cancel", "confirm.cancel.do", "confirm.keepTyped"),
    LEAVE_CHECKLIST("confirm.leave", "confirm.leave.do", "confirm.leave.keep"),
    LEAVE_CONVERSION("confirm.leaveConversion", "confirm.leaveConversion.do", "confirm.leaveConversion.keep"),
    SCAN_DISCARDS("confirm.scanDiscards", "confirm.scanDiscards.do", "confirm.keepTyped"),
    CLOSE_WINDOW("confirm.close", "confirm.close.do", "confirm.close.keep"),
    DELETE_EXPIRED("expiring.confirmDelete", "expiring.confirmDelete.do", "expiring.confirmDelete.keep"),
    DISCARD_REGISTRATION("attention.confirmDiscard", "attention.confirmDiscard.do", "attention.confirmDiscard.keep"),
    DROP_CONTACT("convert.confirmDrop", "convert.confirmDrop.do", "convert.confirmDrop.keep"),
    UNSUBSCRIBE("unsubscribe.confirm", "unsubscribe.confirm.do", "unsubscribe.confirm.keep"),
    NEW_PIN("pinMail.confirm", "pinMail.confirm.do", "pinMail.confirm.keep"),
    CLOSE_ACCOUNT("admin.confirmClose", "admin.confirmClose.do", "admin.confirmClose.keep"),
    REVOKE_DESK("admin.confirmRevoke", "admin.confirmRevoke.do", "admin.confirmRevoke.keep"),
    SCHEDULE_ROUND("admin.confirmSchedule", "admin.confirmSchedule.do", "admin.confirmSchedule.keep"),
    CANCEL_ROUND("admin.confirmCancel", "admin.confirmCancel.do", "admin.confirmCancel.keep");

    private final String text;
    private final String goAhead;
    private final String keep;

    Question(String text, String goAhead, String keep) {
        this.text = text;
        this.goAhead = goAhead;
        this.keep = keep;
    }

    public String text() {
        return text;
    }

    public String goAhead() {
        return goAhead;
    }

    public String keep() {
        return keep;
    }
}
