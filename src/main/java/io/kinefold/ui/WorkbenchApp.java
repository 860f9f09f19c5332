package io.kinefold.ui;

import io.kinefold.monitor.AppInfo;
import io.kinefold.store.Store;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.dataset.DatasetView;
import io.kinefold.ui.experiment.ExperimentView;
import io.kinefold.ui.history.HistoryView;
import io.kinefold.ui.results.ResultsView;
import io.kinefold.ui.run.RunView;
import io.kinefold.ui.run.RunViewModel;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The workbench window: one tab per view, all sharing one {@link AppContext}, and a status bar
 * (state, progress, dataset, store). Remembers its size, position and tab (the Dataset and
 * Experiment views remember the dataset and the spec); Ctrl+1…5 bring a tab forward; a long run
 * that ends while the window is in the background says so in a notification; closing it while a
 * run is going asks first and then ends every worker.
 */
public final class WorkbenchApp extends Application {
    static final String WIDTH = "window.width";
    static final String HEIGHT = "window.height";
    static final String X = "window.x";
    static final String Y = "window.y";
    static final String MAXIMIZED = "window.maximized";
    static final String TAB = "window.tab";

    private AppContext context;
    private RunViewModel run;
    private boolean ownContext;
    private WindowStatus status;
    private RunNotifier notifier;

    /** The app as {@code kinefold} starts it: the user's store and preferences. */
    public WorkbenchApp() {}

    /** The app on a given context: tests use a store and preferences of their own. */
    public WorkbenchApp(AppContext context) {
        this.context = context;
    }

    public static void launchApp(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        if (context == null) {
            context = new AppContext(Store.defaultPath());
            ownContext = true;
        }
        run = RunViewModel.forApp(context);
        Tab dataset = new Tab("Dataset", DatasetView.create(context));
        Tab experiment = new Tab("Experiment", ExperimentView.create(context));
        Tab runTab = new Tab("Run", RunView.create(run));
        Tab results = new Tab("Results", ResultsView.create(context));
        Tab history = new Tab("History", HistoryView.create(context));
        TabPane tabs = new TabPane(dataset, experiment, runTab, results, history);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        context.shownRunProperty().addListener((obs, old, id) -> {
            if (id != null) {
                tabs.getSelectionModel().select(results);
            }
        });
        context.resumeRequestProperty().addListener((obs, old, id) -> {
            if (id != null) {
                tabs.getSelectionModel().select(runTab);
            }
        });

        Preferences prefs = context.preferences();
        status = new WindowStatus(context, run);
        BorderPane window = new BorderPane(tabs);
        window.setBottom(status.bar());
        Scene scene = new Scene(window, 1280, 820);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("kinefold.css").toExternalForm());
        EitherCaseMnemonics.install(scene);
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            int index = i;
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)),
                    KeyCombination.SHORTCUT_DOWN), () -> tabs.getSelectionModel().select(index));
        }
        tabs.getSelectionModel().select(Math.max(0, Math.min(prefs.getInt(TAB, 0), tabs.getTabs().size() - 1)));
        stage.setTitle(AppInfo.NAME + " " + AppInfo.version());
        stage.setScene(scene);
        placeOnScreen(stage, prefs);
        if (prefs.getDouble(WIDTH, 0) >= 400 && prefs.getDouble(HEIGHT, 0) >= 300) {
            stage.setWidth(prefs.getDouble(WIDTH, 0));
            stage.setHeight(prefs.getDouble(HEIGHT, 0));
        }
        stage.setOnCloseRequest(e -> confirmClose(stage, e));
        notifier = new RunNotifier(run.runningProperty(), run.statusProperty()::get, run.errorProperty()::get,
                stage::isFocused, System::currentTimeMillis, javafx.application.Platform::runLater,
                notice -> notify(stage, notice));
        stage.show();
        stage.setMaximized(prefs.getBoolean(MAXIMIZED, false));
        status.start();
        stage.setOnHidden(e -> {
            status.stop();
            remember(stage, tabs, prefs);
        });
    }

    private static void notify(Stage stage, RunNotifier.Notice notice) {
        Notifications shown = Notifications.create().owner(stage).title(notice.title()).text(notice.text())
                .hideAfter(Duration.seconds(15));
        if (notice.failed()) {
            shown.showError();
        } else {
            shown.showInformation();
        }
    }

    /** The remembered position, if it is still on a screen (a monitor may have gone since). */
    private static void placeOnScreen(Stage stage, Preferences prefs) {
        double x = prefs.getDouble(X, Double.NaN);
        double y = prefs.getDouble(Y, Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 40)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
    }

    private static void remember(Stage stage, TabPane tabs, Preferences prefs) {
        prefs.putBoolean(MAXIMIZED, stage.isMaximized());
        if (!stage.isMaximized()) {
            prefs.putDouble(WIDTH, stage.getWidth());
            prefs.putDouble(HEIGHT, stage.getHeight());
            prefs.putDouble(X, stage.getX());
            prefs.putDouble(Y, stage.getY());
        }
        prefs.putInt(TAB, tabs.getSelectionModel().getSelectedIndex());
    }

    /** Closing while a run is going asks; quitting then ends every worker, finished trials stay stored. */
    private void confirmClose(Stage stage, WindowEvent event) {
        if (!run.runningProperty().get()) {
            return;
        }
        ButtonType quit = new ButtonType("Stop the run and quit", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep running", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "Its workers are stopped. Trials already finished stay stored; resume the run from History later.",
                quit, keep);
        alert.setTitle("A run is going");
        alert.setHeaderText("Quit while the run is going?");
        alert.initOwner(stage);
        if (alert.showAndWait().filter(quit::equals).isEmpty()) {
            event.consume();
            return;
        }
        run.cancel();
    }

    @Override
    public void stop() {
        if (run != null) {
            run.cancel();
        }
        if (context != null && ownContext) {
            context.close();
        }
    }
}
