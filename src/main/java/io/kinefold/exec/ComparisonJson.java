package io.kinefold.exec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;
import java.io.IOException;

/**
 * {@link ComparisonResult} to and from JSON through Jackson's record support. Reading is lenient
 * on purpose: the document is stored text that an older or newer version may have written, and
 * a report must still render it. So a number that is missing, null or not a number reads as NaN
 * (or -1 for whole numbers), a value of the wrong shape (a number where an object or a list
 * belongs) as null, and unknown fields are ignored; only a document that is not a JSON object is
 * refused.
 */
final class ComparisonJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(lenient())
            .build();

    private ComparisonJson() {}

    static String write(ComparisonResult result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the comparison as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static ComparisonResult read(String json) {
        try {
            return read(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a comparison must be JSON: " + e.getOriginalMessage(), e);
        }
    }

    static ComparisonResult read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("a comparison must be a JSON object, got "
                    + (json == null ? "nothing" : json.getNodeType()));
        }
        try {
            return MAPPER.treeToValue(json, ComparisonResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read the comparison: " + e.getOriginalMessage(), e);
        }
    }

    private static SimpleModule lenient() {
        SimpleModule module = new SimpleModule("lenient-comparison");
        module.addDeserializer(double.class, new Lenient<>(Double.class, Double.NaN, Double.NaN, v -> v));
        module.addDeserializer(Double.class, new Lenient<>(Double.class, null, Double.NaN, v -> v));
        module.addDeserializer(long.class, new Lenient<>(Long.class, -1L, -1L, ComparisonJson::whole));
        module.addDeserializer(Long.class, new Lenient<>(Long.class, null, -1L, ComparisonJson::whole));
        module.addDeserializer(int.class, new Lenient<>(Integer.class, -1, -1, v -> (int) whole(v)));
        module.addDeserializer(Boolean.class, new LenientBoolean());
        module.addDeserializer(String.class, new LenientString());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
                                                          JsonDeserializer<?> deserializer) {
                return bean.getBeanClass().isRecord() ? new ShapeChecked(deserializer, JsonToken.START_OBJECT) : deserializer;
            }

            @Override
            public JsonDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type, BeanDescription bean,
                                                             JsonDeserializer<?> deserializer) {
                return new ShapeChecked(deserializer, JsonToken.START_OBJECT);
            }

            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                    BeanDescription bean, JsonDeserializer<?> deserializer) {
                return new ShapeChecked(deserializer, JsonToken.START_ARRAY);
            }
        });
        return module;
    }

    /** A finite, non-negative number rounded; -1 for anything else. */
    private static long whole(double v) {
        return Double.isFinite(v) && v >= 0 ? Math.round(v) : -1;
    }

    /** A number from a JSON number or a numeric string; {@code wrong} for any other value. */
    private static final class Lenient<T> extends StdScalarDeserializer<T> {
        private final transient T missing;
        private final transient T wrong;
        private final transient java.util.function.DoubleFunction<T> convert;

        Lenient(Class<T> type, T missing, T wrong, java.util.function.DoubleFunction<T> convert) {
            super(type);
            this.missing = missing;
            this.wrong = wrong;
            this.convert = convert;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                return convert.apply(p.getDoubleValue());
            }
            if (t == JsonToken.VALUE_STRING) {
                try {
                    // Jackson writes NaN as the string "NaN" by default.
                    return convert.apply(Double.parseDouble(p.getText().strip()));
                } catch (NumberFormatException e) {
                    return wrong;
                }
            }
            p.skipChildren();
            return wrong;
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) {
            return missing;
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return missing;
        }
    }

    /** true or false; null for anything else. */
    private static final class LenientBoolean extends StdScalarDeserializer<Boolean> {
        LenientBoolean() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            p.skipChildren();
            return t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
        }
    }

    /** A scalar as text; null for an object or a list. */
    private static final class LenientString extends StdScalarDeserializer<String> {
        LenientString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken().isScalarValue()) {
                return p.getText();
            }
            p.skipChildren();
            return null;
        }
    }

    /** Reads the value only when it starts as expected (an object, a list); null otherwise. */
    private static final class ShapeChecked extends DelegatingDeserializer {
        private final JsonToken start;

        ShapeChecked(JsonDeserializer<?> delegate, JsonToken start) {
            super(delegate);
            this.start = start;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ShapeChecked(delegate, start);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != start) {
                p.skipChildren();
                return null;
            }
            return super.deserialize(p, ctxt);
        }
    }
}
