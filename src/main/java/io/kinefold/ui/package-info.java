/**
 * The JavaFX workbench: one package per view, each with an FXML view, a controller that only
 * binds, and a view model that owns state and validation. The only package allowed to use
 * JavaFX; it drives the engine through the same API as the command line. This package itself
 * holds the window: the tabs, the status bar and the notice when a long run ends in the background.
 */
package io.kinefold.ui;
