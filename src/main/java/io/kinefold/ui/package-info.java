/**
 * The JavaFX workbench: one package per view, each with an FXML view, a controller that only
 * binds, and a view model that owns state and validation. The only package allowed to use
 * JavaFX; it drives the engine through the same API as the command line.
 */
package io.kinefold.ui;
