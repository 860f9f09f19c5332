package io.kinefold.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a view's FXML with its controller built by the caller (constructor injection); an FXML
 * that asks for any other controller fails loudly instead of getting a default-constructed one.
 */
public final class Fxml {
    private Fxml() {}

    public static <C> Parent load(Class<C> controllerType, String fxml, Supplier<C> controller) {
        URL resource = controllerType.getResource(fxml);
        if (resource == null) {
            throw new IllegalStateException(fxml + " is not beside " + controllerType.getName());
        }
        FXMLLoader loader = new FXMLLoader(resource);
        loader.setControllerFactory(type -> {
            if (type == controllerType) {
                return controller.get();
            }
            throw new IllegalArgumentException("no controller of type " + type.getName() + " in " + fxml);
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(fxml + " cannot be loaded", e);
        }
    }
}
