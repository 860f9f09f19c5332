package io.kinefold.ui;

import io.kinefold.AppInfo;
import io.kinefold.store.Store;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.dataset.DatasetView;
import io.kinefold.ui.history.HistoryView;
import io.kinefold.ui.run.RunView;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The workbench window: one tab per view, all sharing one {@link AppContext}. */
public final class WorkbenchApp extends Application {
    private AppContext context;

    public static void launchApp(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        context = new AppContext(Store.defaultPath());
        TabPane tabs = new TabPane(
                tab("Dataset", DatasetView.create(context)),
                tab("Experiment", placeholder("Experiment design comes next: use kinefold run SPEC meanwhile.")),
                tab("Run", RunView.create(context)),
                tab("Results", placeholder("Results come next: use History to export a run, or kinefold export RUN_ID.")),
                tab("History", HistoryView.create(context)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Scene scene = new Scene(tabs, 1200, 780);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("kinefold.css").toExternalForm());
        stage.setTitle(AppInfo.NAME + " " + AppInfo.version());
        stage.setScene(scene);
        stage.show();
    }

    private static Tab tab(String title, Parent content) {
        return new Tab(title, content);
    }

    private static Parent placeholder(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("placeholder");
        StackPane pane = new StackPane(label);
        pane.setPadding(new Insets(24));
        return pane;
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
