package app.carddesk;

import app.carddesk.text.Messages;
import app.carddesk.ui.DeskPreferences;
import app.carddesk.ui.Mnemonics;
import app.carddesk.ui.ViewLoader;
import app.carddesk.ui.background.BackgroundWork;
import app.carddesk.ui.main.DeskWindow;
import app.carddesk.ui.scan.ScanDetector;
import app.carddesk.ui.scan.ScannerInput;
import app.carddesk.ui.signin.SignInView;
import app.carddesk.ui.signin.SignInViewModel;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The desk's start (decision 0012): the sign-in screen first, with nothing of the register read;
 * the first sign-in produces the register's key, the register opens on a background thread while
 * the window says so, and then the desk takes the window. Later locks and user switches happen on
 * the desk's own sign-in screen, with the register open.
 */
public final class DeskStart {

    private final Stage stage;
    /** The sign-in screen's scene, let go once the desk has a scene of its own. */
    private Scene scene;
    private final DeskGate gate;
    private final BackgroundWork background;
    private final ObjectProperty<Locale> locale;
    private final SignInViewModel signIn;
    private final ViewLoader views;
    private final ChangeListener<Locale> relabel;
    private boolean opening;

    private DeskStart(Stage stage, Scene scene, DeskGate gate, BackgroundWork background) {
        this.stage = stage;
        this.scene = scene;
        this.gate = gate;
        this.background = background;
        this.locale = DeskPreferences.language(gate.config().dataDir(), gate.config().language());
        this.signIn = new SignInViewModel(gate.signIn(), background, gate.config().profile(), gate.libraryName())
                .enrolWith(gate.enrolment());
        ViewLoader[] loader = new ViewLoader[1];
        loader[0] = new ViewLoader(type -> {
            if (type == SignInView.class) {
                return new SignInView(signIn, loader[0].messages(), loader[0].lifetime(), locale);
            }
            throw new IllegalArgumentException("no controller for " + type + " before sign-in");
        }, locale);
        this.views = loader[0];
        this.relabel = (obs, old, l) -> {
            scene.setRoot(signInScreen());
            stage.setTitle(views.messages().get("app.title"));
        };
    }

    /**
     * Shows the sign-in screen in {@code scene}; after the first sign-in opens the register with
     * {@code open} and puts the desk into the window, then tells {@code opened}.
     *
     * @param idleMinutes the desk's idle lock, once it shows
     * @param failed      told when the register could not be opened
     */
    public static DeskStart show(Stage stage, Scene scene, DeskGate gate, BackgroundWork background,
                                 Function<DeskGate, DeskBackend> open, int idleMinutes,
                                 Consumer<DeskContext> opened, Consumer<Throwable> failed) {
        DeskStart start = new DeskStart(stage, scene, gate, background);
        scene.setRoot(start.signInScreen());
        stage.setTitle(start.views.messages().get("app.title"));
        start.locale.addListener(start.relabel);
        // A card scanned before anyone signed in does nothing but say so.
        ScannerInput.install(scene, ScanDetector.forCardScanners(), text -> text.matches("[0-9]{6,20}"),
                text -> start.signIn.scannedWhileSignedOut());
        Mnemonics.install(scene);
        // Once the sign-in screen is laid out (so it does not wait for the warm-up on a 2-core machine).
        app.carddesk.ui.AfterLayout.once(scene, DeskStart::warmUp);
        start.signIn.signedIn.addListener((obs, was, in) -> {
            if (in && !start.opening) {
                start.opening = true;
                start.openDesk(open, idleMinutes, opened, failed);
            }
        });
        return start;
    }

    /** The register's code loaded while the person types (see {@link app.carddesk.store.Database#warmUp}). */
    private static void warmUp() {
        java.util.concurrent.ExecutorService warm = app.carddesk.work.DeskThreads.single("carddesk-warm-up");
        warm.submit(() -> {
            try {
                app.carddesk.store.Database.warmUp();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(DeskStart.class).debug("Warm-up skipped: {}", e.toString());
            }
        });
        warm.shutdown();
    }

    private Parent signInScreen() {
        Parent root = views.loadWindow("signin/SignIn.fxml");
        root.getStylesheets().add(DeskStart.class.getResource("/app/carddesk/ui/desk.css").toExternalForm());
        return root;
    }

    private void openDesk(Function<DeskGate, DeskBackend> open, int idleMinutes, Consumer<DeskContext> opened,
                          Consumer<Throwable> failed) {
        locale.removeListener(relabel);
        Messages messages = views.messages();
        VBox splash = new VBox(12, new ProgressIndicator(), new Label(messages.get("startup.openingRegister")));
        splash.setAlignment(Pos.CENTER);
        scene.setRoot(splash);
        views.endViews();
        background.submit(() -> open.apply(gate), backend -> {
            DeskContext context = new DeskContext(backend, background, signIn, locale);
            // The desk gets a scene of its own: the sign-in screen's scan handling stays behind with its scene.
            Scene desk = new Scene(new Pane(), scene.getWidth(), scene.getHeight());
            stage.setScene(desk);
            DeskWindow.show(stage, desk, context.main(), () -> context.views().loadWindow("main/Main.fxml"),
                    () -> context.views().messages(), idleMinutes);
            // The sign-in screen's scene (and what it drew) is not kept all day by this object, which
            // the sign-in's ViewModel holds on to.
            scene = null;
            opened.accept(context);
        }, failed::accept);
    }

    /** The sign-in screen's ViewModel, which the desk goes on using for locks and user switches. */
    public SignInViewModel signIn() {
        return signIn;
    }

    public ObjectProperty<Locale> locale() {
        return locale;
    }
}
