package dev.rollback.durable.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The kinds made of other kinds: nullable references, enums, records, arrays, lists and maps. */
final class CompositeTypes {

    private CompositeTypes() {
    }

    /** A reference type: {@code null}, or a value of the wrapped kind. */
    record Nullable(ValueType type) implements ValueType {
        @Override
        public void write(JsonGenerator json, Object value) throws IOException {
            if (value == null) {
                json.writeNull();
            } else {
                type.write(json, value);
            }
        }

        @Override
        public Object read(JsonParser json) throws IOException {
            return json.currentToken() == JsonToken.VALUE_NULL ? null : type.read(json);
        }

        @Override
        public String describe() {
            return type.describe();
        }
    }

    /** An enum, written as its constant's name. */
    record EnumType(Class<? extends Enum<?>> type) implements ValueType {
        @Override
        public void write(JsonGenerator json, Object value) throws IOException {
            if (!type.isInstance(value)) {
                throw mismatch(value, this);
            }
            json.writeString(((Enum<?>) value).name());
        }

        @Override
        public Object read(JsonParser json) throws IOException {
            if (json.currentToken() != JsonToken.VALUE_STRING) {
                throw Scalar.expected(json, "the name of a constant of " + type.getName());
            }
            String name = json.getText();
            for (Enum<?> constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                    return constant;
                }
            }
            throw new MalformedValueException(type.getName() + " has no constant named '" + name + "'");
        }

        @Override
        public String describe() {
            return type.getName();
        }
    }

    /** A record, written as an object of its components, rebuilt through its canonical constructor. */
    record RecordType(Class<?> type, List<String> names, List<Method> accessors, List<ValueType> components,
                      Constructor<?> constructor) implements ValueType {
        @Override
        public void write(JsonGenerator json, Object value) throws IOException {
            if (value == null || value.getClass() != type) {
                throw mismatch(value, this);
            }
            json.writeStartObject();
            for (int i = 0; i < names.size(); i++) {
                json.writeFieldName(names.get(i));
                components.get(i).write(json, component(value, i));
            }
            json.writeEndObject();
        }

        private Object component(Object value, int i) {
            try {
                return accessors.get(i).invoke(value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("the accessor " + accessors.get(i) + " was made accessible when checked", e);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException("the accessor " + accessors.get(i) + " threw " + e.getCause(), e.getCause());
            }
        }

        @Override
        public Object read(JsonParser json) throws IOException {
            if (json.currentToken() != JsonToken.START_OBJECT) {
                throw Scalar.expected(json, "an object of the components of " + type.getName());
            }
            Object[] values = new Object[names.size()];
            for (int i = 0; i < names.size(); i++) {
                if (json.nextToken() != JsonToken.FIELD_NAME || !names.get(i).equals(json.currentName())) {
                    throw Scalar.expected(json, "the component '" + names.get(i) + "' of " + type.getName());
                }
                json.nextToken();
                values[i] = components.get(i).read(json);
            }
            if (json.nextToken() != JsonToken.END_OBJECT) {
                throw Scalar.expected(json, "the end of " + type.getName() + " after its " + names.size() + " components");
            }
            return construct(values);
        }

        private Object construct(Object[] values) throws MalformedValueException {
            try {
                return constructor.newInstance(values);
            } catch (InstantiationException | IllegalAccessException e) {
                throw new IllegalStateException("the constructor " + constructor + " was made accessible when checked", e);
            } catch (InvocationTargetException e) {
                MalformedValueException refused = new MalformedValueException("the constructor of " + type.getName()
                        + " refused the journaled components: " + e.getCause());
                refused.initCause(e.getCause());
                throw refused;
            }
        }

        @Override
        public String describe() {
            return type.getName();
        }
    }

    /** An array, written as a JSON array of its elements. */
    record ArrayType(Class<?> componentClass, ValueType component, String declared) implements ValueType {
        @Override
        public void write(JsonGenerator json, Object value) throws IOException {
            if (value == null || !value.getClass().isArray()
                    || !componentClass.isAssignableFrom(value.getClass().getComponentType())) {
                throw mismatch(value, this);
            }
            int length = Array.getLength(value);
            json.writeStartArray();
            for (int i = 0; i < length; i++) {
                component.write(json, Array.get(value, i));
            }
            json.writeEndArray();
        }

        @Override
        public Object read(JsonParser json) throws IOException {
            List<Object> elements = Sequences.read(json, component, declared);
            Object array = Array.newInstance(componentClass, elements.size());
            for (int i = 0; i < elements.size(); i++) {
                Array.set(array, i, elements.get(i));
            }
            return array;
        }

        @Override
        public String describe() {
            return declared;
        }
    }

    /** A {@code List}, written as a JSON array, rebuilt as an unmodifiable list (which may hold nulls). */
    record ListType(ValueType element, String declared) implements ValueType {
        @Override
        public void write(JsonGenerator json, Object value) throws IOException {
            if (!(value instanceof List<?> list)) {
                throw mismatch(value, this);
            }
            json.writeStartArray();
            for (Object element : list) {
                this.element.write(json, element);
            }
            json.writeEndArray();
        }

        @Override
        public Object read(JsonParser json) throws IOException {
            return Collections.unmodifiableList(Sequences.read(json, element, declared));
        }

        @Override
        public String describe() {
            return declared;
        }
    }

    /** A {@code Map}, written as a JSON array of [key, value] pairs, rebuilt in that order. */
    record MapType(ValueType key, ValueType value, String declared) implements ValueType {
        @Override
        public void write(JsonGenerator json, Object map) throws IOException {
            if (!(map instanceof Map<?, ?> entries)) {
                throw mismatch(map, this);
            }
            json.writeStartArray();
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                json.writeStartArray();
                key.write(json, entry.getKey());
                value.write(json, entry.getValue());
                json.writeEndArray();
            }
            json.writeEndArray();
        }

        @Override
        public Object read(JsonParser json) throws IOException {
            if (json.currentToken() != JsonToken.START_ARRAY) {
                throw Scalar.expected(json, "an array of [key, value] pairs for " + declared);
            }
            Map<Object, Object> map = new LinkedHashMap<>();
            while (json.nextToken() != JsonToken.END_ARRAY) {
                if (json.currentToken() != JsonToken.START_ARRAY) {
                    throw Scalar.expected(json, "a [key, value] pair of " + declared);
                }
                json.nextToken();
                Object k = key.read(json);
                json.nextToken();
                Object v = value.read(json);
                if (json.nextToken() != JsonToken.END_ARRAY) {
                    throw Scalar.expected(json, "the end of a [key, value] pair of " + declared);
                }
                if (map.containsKey(k)) {
                    throw new MalformedValueException("the key " + k + " appears twice in " + declared);
                }
                map.put(k, v);
            }
            return Collections.unmodifiableMap(map);
        }

        @Override
        public String describe() {
            return declared;
        }
    }

    /** Reads JSON arrays element by element. */
    static final class Sequences {
        private Sequences() {
        }

        static List<Object> read(JsonParser json, ValueType element, String declared) throws IOException {
            if (json.currentToken() != JsonToken.START_ARRAY) {
                throw Scalar.expected(json, "an array for " + declared);
            }
            List<Object> elements = new ArrayList<>();
            while (json.nextToken() != JsonToken.END_ARRAY) {
                elements.add(element.read(json));
            }
            return elements;
        }
    }

    static IllegalArgumentException mismatch(Object value, ValueType type) {
        return new IllegalArgumentException("a " + (value == null ? "null" : value.getClass().getName())
                + " where the declared type is " + type.describe());
    }
}
