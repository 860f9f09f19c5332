package io.kinefold.ui.experiment;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.ValidationDecoration;

/**
 * A field with a problem is decorated by ControlsFX's {@link ValidationSupport}: the
 * {@code invalid} style and the reason as its tooltip.
 */
final class FieldDecorations {
    private FieldDecorations() {
    }

    /**
     * The {@code invalid} style on the field and the reason as its tooltip. Not ControlsFX's own
     * decorations: every one of them (the style-class one too) goes through its {@code Decorator},
     * which replaces the scene's root with a {@code DecorationPane}; in the app's window that pane
     * once came up empty, a blank window (seen when a test's stage got the app after another view).
     */
    static ValidationSupport validationSupport() {
        ValidationSupport support = new ValidationSupport();
        support.setValidationDecorator(new FieldDecoration());
        return support;
    }

    /** A validation decoration on the field itself: its style class and tooltip, nothing in the scene above it. */
    private static final class FieldDecoration implements ValidationDecoration {
        private static final String STYLE = "invalid";

        @Override
        public void removeDecorations(Control target) {
            target.getStyleClass().remove(STYLE);
            if (target.getTooltip() != null && target.getProperties().remove(FieldDecoration.class) != null) {
                target.setTooltip(null);
            }
        }

        @Override
        public void applyValidationDecoration(ValidationMessage message) {
            Control target = message.getTarget();
            if (!target.getStyleClass().contains(STYLE)) {
                target.getStyleClass().add(STYLE);
            }
            target.setTooltip(new Tooltip(message.getText()));
            target.getProperties().put(FieldDecoration.class, Boolean.TRUE);
        }

        @Override
        public void applyRequiredDecoration(Control target) {
            // Every field here has a value to check, none is merely required.
        }
    }

    /**
     * Has the support decorate the control while {@code error} holds a reason. The view model's
     * error is the rule, not the control's value: the planner can find a problem (more folds than
     * subjects) after the text changed, so each change of the error revalidates.
     *
     * @return how to stop: the control's decorations go with it
     */
    static Runnable decorate(ValidationSupport support, Control control, ReadOnlyStringProperty error) {
        control.getProperties().put(ValidationSupport.class, support);
        support.registerValidator(control, false,
                (Control c, Object value) -> ValidationResult.fromErrorIf(c, error.get(), error.get() != null));
        ChangeListener<String> listener = (obs, old, now) -> support.revalidate(control);
        error.addListener(listener);
        support.revalidate(control);
        return () -> {
            error.removeListener(listener);
            new FieldDecoration().removeDecorations(control);
        };
    }

    /** The decorations' tooltips read as the error line does; the tests ask the support this. */
    static String decorationText(Control control) {
        Object support = control.getProperties().get(ValidationSupport.class);
        return support instanceof ValidationSupport s
                ? s.getHighestMessage(control).map(m -> m.getText()).orElse(null) : null;
    }
}
