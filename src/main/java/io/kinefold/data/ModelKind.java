package io.kinefold.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a kind of model, as model ids, specs, the store and JSON write it: {@code pose},
 * {@code start}, {@code rep}. Only a name: what a kind is (its samples, hyperparameters, network)
 * is its class in {@code io.kinefold.kind}, found by this name through {@code Kinds}. Kept here, and
 * open, so that the data layer can name a model without knowing the kinds above it.
 */
public record ModelKind(String name) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    @JsonCreator
    public ModelKind {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("model kind '" + name + "': lower-case letters, digits and '-' only");
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return name;
    }
}
