package app.carddesk.ui.main;

import app.carddesk.sync.SyncStatus;
import app.carddesk.ui.Navigation;
import app.carddesk.ui.issuecard.IssueCardViewModel;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The desk's frame: language, which screen shows, and scans that arrive wherever the focus is. */
public final class MainViewModel {

    public final ObjectProperty<Locale> locale;
    /** A scan that would throw away a half-filled checklist waits here for staff to confirm. */
    public final StringProperty pendingScan = new SimpleStringProperty();
    /** A card scanned while a question was open: kept from the question, offered to staff afterwards. */
    public final StringProperty heldScan = new SimpleStringProperty();
    /** Sync with the central register, as the status bar tells it. */
    public final ObjectProperty<SyncStatus> syncStatus = new SimpleObjectProperty<>(
            SyncStatus.notConfigured(0, null, 0));
    /** The library's configuration as the desk works with it, replaced when a sync brought a change. */
    public final ObjectProperty<app.carddesk.domain.LibraryProfile> profile = new SimpleObjectProperty<>();
    /** The last change of the library's configuration a sync brought, if any since the desk started. */
    public final ObjectProperty<ConfigurationChange> configurationChanged = new SimpleObjectProperty<>();

    /** A changed configuration: its version, and when the desk began to work with it. */
    public record ConfigurationChange(Integer version, java.time.Instant at) {
    }

    private final Navigation navigation;
    private final IssueCardViewModel issue;

    private final app.carddesk.ui.patron.PatronViewModel patron;

    public MainViewModel(ObjectProperty<Locale> locale, Navigation navigation, IssueCardViewModel issue,
                         app.carddesk.ui.patron.PatronViewModel patron) {
        this.locale = locale;
        this.navigation = navigation;
        this.issue = issue;
        this.patron = patron;
    }

    private Runnable syncNow = () -> { };
    private app.carddesk.ui.signin.SignInViewModel signIn;

    /** Who works at the desk: nobody signed in, no scan is taken. */
    public void signIn(app.carddesk.ui.signin.SignInViewModel who) {
        this.signIn = who;
    }

    public app.carddesk.ui.signin.SignInViewModel signIn() {
        return signIn;
    }

    /** What "Sync now" does: a sync round at once. */
    public void onSyncNow(Runnable action) {
        this.syncNow = action;
    }

    public void syncNow() {
        syncNow.run();
    }

    private boolean administrationConnected;

    /** Whether this desk reaches a central register that answers for staff administration. */
    public void administrationConnected(boolean connected) {
        this.administrationConnected = connected;
    }

    /**
     * Someone who reads the audit and issues no cards (a data-protection officer) starts where their
     * work is, at Administration, not at "Scan a blank card"; never over a checklist someone typed.
     */
    public boolean startsAtAdministration(app.carddesk.staff.StaffSession s) {
        return s != null && !s.may("issue") && s.may("audit_read") && administrationConnected
                && navigation.screenProperty().get() == Navigation.Screen.ISSUE && !checklistTyped();
    }

    public boolean administrationConnected() {
        return administrationConnected;
    }

    public Navigation navigation() {
        return navigation;
    }

    /** Whether text is a card number of one of this library's series. */
    public boolean isCardNumber(String text) {
        return issue.profile().cardNumberPolicy().check(text).isOk();
    }

    /** A card was scanned: start the checklist with it, unless that would lose unsaved work. */
    public void scanned(String text) {
        if (signIn != null && !signIn.signedIn.get()) {
            signIn.scannedWhileSignedOut();
            return;
        }
        if (navigation.screenProperty().get() == Navigation.Screen.PATRON && patron.takesScan()) {
            patron.newCardScanned(text);
        } else if (leavingLosesWork()) {
            pendingScan.set(text);
        } else {
            startWith(text);
        }
    }

    /** A card was scanned while a dialog was open: the dialog ignores it, staff decide afterwards. */
    public void heldWhileAsking(String text) {
        heldScan.set(text);
    }

    /** Staff continue with the card they scanned while a question was open. */
    public void continueWithHeldScan() {
        String text = heldScan.get();
        heldScan.set(null);
        if (text != null) {
            scanned(text);
        }
    }

    public void dismissHeldScan() {
        heldScan.set(null);
    }

    public void confirmPendingScan() {
        String text = pendingScan.get();
        pendingScan.set(null);
        if (text != null) {
            startWith(text);
        }
    }

    public void cancelPendingScan() {
        pendingScan.set(null);
    }

    private void startWith(String text) {
        patron.conversion.close();
        navigation.open(Navigation.Screen.ISSUE);
        issue.startWithCard(text);
    }

    /**
     * Whether leaving now would lose work: what was typed on the checklist, or a national ID being
     * registered on the patron screen and not finished yet.
     */
    public boolean leavingLosesWork() {
        return issue.dirty.get() || conversionUnfinished();
    }

    /** Whether something was typed on the checklist that leaving it would lose. */
    public boolean checklistTyped() {
        return issue.dirty.get();
    }

    /** Whether what leaving would lose is a national ID not registered yet (else the checklist). */
    public boolean conversionUnfinished() {
        return patron.conversion.unfinished();
    }

    public void discardChecklist() {
        issue.reset();
        patron.conversion.close();
    }

    /**
     * Another person signed in: nothing the one before them was doing stays on screen (the last
     * card's notice, a held scan, a half-typed checklist, an open patron); the desk starts at the
     * checklist's first step.
     */
    public void nextPerson() {
        issue.reset();
        patron.conversion.close();
        heldScan.set(null);
        pendingScan.set(null);
        patron.patron.set(null);
        navigation.noticeProperty().set(null);
        navigation.open(Navigation.Screen.ISSUE);
    }
}
