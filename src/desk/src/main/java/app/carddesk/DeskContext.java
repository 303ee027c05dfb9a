package app.carddesk;

import app.carddesk.ui.Navigation;
import app.carddesk.ui.ViewLoader;
import app.carddesk.ui.attention.AttentionView;
import app.carddesk.ui.attention.AttentionViewModel;
import app.carddesk.ui.background.BackgroundWork;
import app.carddesk.ui.expiring.ExpiringView;
import app.carddesk.ui.expiring.ExpiringViewModel;
import app.carddesk.ui.issuecard.IssueCardView;
import app.carddesk.ui.issuecard.IssueCardViewModel;
import app.carddesk.ui.main.MainView;
import app.carddesk.ui.main.MainViewModel;
import app.carddesk.ui.patron.PatronView;
import app.carddesk.ui.patron.PatronViewModel;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;

/**
 * The composition root of the desk's screens: builds every ViewModel once and hands each view
 * its own through the FXML controller factory. ViewModels outlive their views, so switching
 * language rebuilds the views and keeps what staff typed.
 */
public final class DeskContext {

    private final DeskBackend backend;
    private final BackgroundWork background;
    private final ObjectProperty<Locale> locale;
    private final Navigation navigation = new Navigation();
    private final IssueCardViewModel issue;
    private final PatronViewModel patron;
    private final ExpiringViewModel expiring;
    private final MainViewModel main;
    private final AttentionViewModel attention;
    private final app.carddesk.ui.activate.ActivateViewModel activate;
    private final ViewLoader views;
    private final app.carddesk.ui.DeskPreferences preferences;
    private final app.carddesk.ui.find.FindViewModel find;
    private final app.carddesk.ui.signin.SignInViewModel signIn;
    private final app.carddesk.ui.StaffPermissions permissions;
    private final app.carddesk.ui.admin.AdministrationViewModel administration;
    private final app.carddesk.ui.admin.LibrarySettingsViewModel librarySettings;
    private final app.carddesk.ui.audit.AuditViewModel audit;

    /** A desk opened with someone signed in already (tests; the real start goes through {@link DeskStart}). */
    public DeskContext(DeskBackend backend, BackgroundWork background) {
        this(backend, background, new app.carddesk.ui.signin.SignInViewModel(backend.signIn(), background,
                backend.profile().code(), backend.profile().name()).enrolWith(backend.enrolment()),
                app.carddesk.ui.DeskPreferences.language(backend.config().dataDir(), backend.config().language()));
    }

    /**
     * @param signIn the sign-in screen's ViewModel the desk was opened through, used on for locks and switches
     * @param locale the desk's language, chosen on the sign-in screen already
     */
    public DeskContext(DeskBackend backend, BackgroundWork background, app.carddesk.ui.signin.SignInViewModel signIn,
                       ObjectProperty<Locale> locale) {
        this.backend = backend;
        this.background = background;
        this.locale = locale;
        this.preferences = app.carddesk.ui.DeskPreferences.in(backend.config().dataDir());
        this.issue = new IssueCardViewModel(backend.issuing(), background, navigation);
        this.issue.staffLanguage(locale::get);
        this.issue.letter.settings(new app.carddesk.letter.LetterSettings(
                app.carddesk.letter.PaperSize.of(backend.config().paper()), backend.config().dataDir(),
                backend.config().hasCentral()));
        // A checklist the last run of the desk stopped in the middle of is told of on the checklist.
        app.carddesk.ui.issuecard.UnfinishedChecklist.leftOver(preferences, java.time.ZoneId.systemDefault())
                .ifPresent(left -> navigation.noticeProperty().set(new Navigation.Notice(left, java.util.List.of())));
        app.carddesk.ui.issuecard.UnfinishedChecklist.remember(issue, preferences, java.time.Instant::now);
        this.patron = new PatronViewModel(backend.issuing(), backend.memberships(), background, navigation);
        this.patron.letterSettings(issue.letter.settings());
        this.patron.documentLanguage.staffSpeaks(locale::get);
        this.activate = new app.carddesk.ui.activate.ActivateViewModel(backend.memberships(), background, navigation);
        this.expiring = new ExpiringViewModel(backend.issuing(), background, navigation);
        this.main = new MainViewModel(locale, navigation, issue, patron);
        this.signIn = signIn;
        main.signIn(signIn);
        this.permissions = new app.carddesk.ui.StaffPermissions(signIn.session);
        // Learnt on a background thread (the answer to a look-up); the screen changes on the JavaFX thread.
        backend.signIn().staff().onSessionEnded(() -> Platform.runLater(signIn::sessionEnded));
        this.find = new app.carddesk.ui.find.FindViewModel(backend.issuing().finder(), background, navigation);
        this.attention = new AttentionViewModel(backend.attention(), backend.issuing(), background, navigation);
        this.administration = new app.carddesk.ui.admin.AdministrationViewModel(backend.administration(),
                backend.signIn().staff()::may,
                () -> backend.signIn().staff().current().map(app.carddesk.staff.StaffSession::userName).orElse(null),
                background, java.time.ZoneId.systemDefault());
        main.administrationConnected(backend.administration().isPresent());
        signIn.session.addListener((obs, was, now) -> administration.personChanged());
        this.audit = new app.carddesk.ui.audit.AuditViewModel(backend.administration(), backend.issuing(),
                backend.memberships(), background);
        signIn.session.addListener((obs, was, now) -> audit.personChanged());
        this.librarySettings = new app.carddesk.ui.admin.LibrarySettingsViewModel(backend.librarySettings(),
                () -> backend.profile().code(), permission -> signIn.session.get() != null
                && signIn.session.get().may(permission), background, backend::syncNow);
        signIn.session.addListener((obs, was, now) -> librarySettings.personChanged());
        // Read afresh each time the Administration screen opens, for those who keep the library's settings.
        navigation.screenProperty().addListener((obs, was, now) -> {
            if (now == Navigation.Screen.ADMIN && signIn.session.get() != null
                    && (signIn.session.get().may("library_config") || signIn.session.get().may("organisation_admin"))) {
                librarySettings.opened();
            }
        });
        // The next person sees nothing of the last one's work; the same person back after a lock finds it as left.
        String[] lastPerson = {signIn.session.get() == null ? null : signIn.session.get().userName()};
        signIn.session.addListener((obs, was, now) -> {
            if (now != null && !now.userName().equals(lastPerson[0])) {
                if (lastPerson[0] != null) {
                    main.nextPerson();
                    find.clear();
                }
                lastPerson[0] = now.userName();
            }
        });
        this.views = new ViewLoader(this::controller, locale,
                () -> main.profile.get() == null ? null : main.profile.get().country());
        main.onSyncNow(backend::syncNow);
        main.profile.set(backend.profile());
        // A changed configuration arrives with a sync: the checklist's lists and the status bar follow it.
        backend.issuing().currentProfile().onChange(changed -> Platform.runLater(() -> {
            issue.profileChanged(changed);
            main.profile.set(changed);
        }));
        backend.sync().ifPresent(sync -> {
            // The sync reports from its own thread; the status bar is changed on the JavaFX thread.
            sync.onStatus(status -> Platform.runLater(() -> {
                main.syncStatus.set(status);
                mailGoesOutNow(status.state() == app.carddesk.sync.SyncStatus.State.ONLINE);
            }));
            sync.onConfiguration(c -> Platform.runLater(() -> main.configurationChanged.set(
                    new app.carddesk.ui.main.MainViewModel.ConfigurationChange(c.version(), java.time.Instant.now()))));
            background.submit(sync::status, main.syncStatus::set, e -> { });
        });
    }

    /**
     * Whether an e-mailed PIN goes out within minutes, as the hand-over and the welcome letter say: only
     * while the central register answers. Offline they say it goes once the desk is connected again.
     */
    private void mailGoesOutNow(boolean online) {
        app.carddesk.letter.LetterSettings now = issue.letter.settings();
        if (now.centralRegister() != online) {
            app.carddesk.letter.LetterSettings next = new app.carddesk.letter.LetterSettings(now.paper(),
                    now.dataDir(), online);
            issue.letter.settings(next);
            patron.letterSettings(next);
        }
    }

    private Object controller(Class<?> type) {
        if (type == MainView.class) {
            return new MainView(main, views, background, backend.config().dataDir());
        }
        if (type == IssueCardView.class) {
            return new IssueCardView(issue, views.messages(), views.lifetime());
        }
        if (type == app.carddesk.ui.issuecard.IdentityStepView.class) {
            return new app.carddesk.ui.issuecard.IdentityStepView(issue, views.messages(), views.lifetime());
        }
        if (type == app.carddesk.ui.issuecard.DetailsStepView.class) {
            return new app.carddesk.ui.issuecard.DetailsStepView(issue, views.messages(), views.lifetime());
        }
        if (type == app.carddesk.ui.issuecard.PinStepView.class) {
            return new app.carddesk.ui.issuecard.PinStepView(issue, views.messages(), views.lifetime());
        }
        if (type == app.carddesk.ui.issuecard.RelationsStepView.class) {
            return new app.carddesk.ui.issuecard.RelationsStepView(issue, views.messages(), views.lifetime());
        }
        if (type == app.carddesk.ui.issuecard.GuardianFormView.class) {
            return new app.carddesk.ui.issuecard.GuardianFormView(issue, views.messages(), views.lifetime());
        }
        if (type == app.carddesk.ui.issuecard.HandoverStepView.class) {
            return new app.carddesk.ui.issuecard.HandoverStepView(issue, views.messages(), preferences,
                    views.lifetime());
        }
        if (type == PatronView.class) {
            return new PatronView(patron, backend.profile(), views.messages(), preferences, views.lifetime(),
                    permissions);
        }
        if (type == app.carddesk.ui.patron.ConversionView.class) {
            return new app.carddesk.ui.patron.ConversionView(patron, views.messages(), views.lifetime(), permissions);
        }
        if (type == app.carddesk.ui.patron.PinMailView.class) {
            return new app.carddesk.ui.patron.PinMailView(patron, views.messages(), views.lifetime(), permissions);
        }
        if (type == app.carddesk.ui.patron.NewCardView.class) {
            return new app.carddesk.ui.patron.NewCardView(patron, views.messages(), views.lifetime());
        }
        if (type == app.carddesk.ui.admin.LibrarySettingsView.class) {
            return new app.carddesk.ui.admin.LibrarySettingsView(librarySettings, views.messages(), views.lifetime(),
                    permissions);
        }
        if (type == app.carddesk.ui.audit.AuditView.class) {
            return new app.carddesk.ui.audit.AuditView(audit, views.messages(), preferences, views.lifetime());
        }
        if (type == app.carddesk.ui.admin.AdministrationView.class) {
            return new app.carddesk.ui.admin.AdministrationView(administration, views.messages(), views.lifetime(),
                    permissions);
        }
        if (type == AttentionView.class) {
            return new AttentionView(attention, views.messages(), views.lifetime());
        }
        if (type == app.carddesk.ui.activate.ActivateView.class) {
            return new app.carddesk.ui.activate.ActivateView(activate, views.messages(), views.lifetime());
        }
        if (type == app.carddesk.ui.find.FindView.class) {
            return new app.carddesk.ui.find.FindView(find, views.messages(), views.lifetime());
        }
        if (type == app.carddesk.ui.signin.SignInView.class) {
            return new app.carddesk.ui.signin.SignInView(signIn, views.messages(), views.lifetime(), locale);
        }
        if (type == ExpiringView.class) {
            return new ExpiringView(expiring, views.messages(), views.lifetime(), permissions);
        }
        throw new IllegalArgumentException("no controller for " + type);
    }

    public ViewLoader views() {
        return views;
    }

    public MainViewModel main() {
        return main;
    }

    public PatronViewModel patron() {
        return patron;
    }

    public app.carddesk.ui.admin.AdministrationViewModel administration() {
        return administration;
    }

    public IssueCardViewModel issue() {
        return issue;
    }

    public app.carddesk.ui.DeskPreferences preferences() {
        return preferences;
    }

    public app.carddesk.ui.signin.SignInViewModel signIn() {
        return signIn;
    }

    public DeskBackend backend() {
        return backend;
    }
}
