package dev.rollback.durable.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The kinds of values written as one JSON scalar: primitives (through their boxes), {@code String},
 * {@code Path} (of the default file system), {@code URI}, {@code UUID}, {@code Instant} and
 * {@code Duration}. {@link #write} and {@link #read} see non-null values only; {@link ValueTypes}
 * wraps the types that admit {@code null}.
 */
enum Scalar implements ValueType {

    BOOLEAN(Boolean.class) {
        @Override
        void writeValue(JsonGenerator json, Object value) throws IOException {
            json.writeBoolean((Boolean) value);
        }

        @Override
        Object readValue(JsonParser json) throws IOException {
            JsonToken token = json.currentToken();
            if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                throw expected(json, "true or false");
            }
            return token == JsonToken.VALUE_TRUE;
        }
    },
    BYTE(Byte.class) {
        @Override
        void writeValue(JsonGenerator json, Object value) throws IOException {
            json.writeNumber((Byte) value);
        }

        @Override
        Object readValue(JsonParser json) throws IOException {
            return (byte) integer(json, Byte.MIN_VALUE, Byte.MAX_VALUE);
        }
    },
    SHORT(Short.class) {
        @Override
        void writeValue(JsonGenerator json, Object value) throws IOException {
            json.writeNumber((Short) value);
        }

        @Override
        Object readValue(JsonParser json) throws IOException {
            return (short) integer(json, Short.MIN_VALUE, Short.MAX_VALUE);
        }
    },
    INT(Integer.class) {
        @Override
        void writeValue(JsonGenerator json, Object value) throws IOException {
            json.writeNumber((Integer) value);
        }

        @Override
        Object readValue(JsonParser json) throws IOException {
            return (int) integer(json, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
    },
    LONG(Long.class) {
        @Override
        void writeValue(JsonGenerator json, Object value) throws IOException {
            json.writeNumber((Long) value);
        }

        @Override
        Object readValue(JsonParser json) throws IOException {
            return integer(json, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    },
    FLOAT(Float.class) {
        @Override
        void writeValue(JsonGenerator json, Object value) throws IOException {
            json.writeString(value.toString());
        }

        @Override
        Object readValue(JsonParser json) throws IOException {
            try {
                return Float.parseFloat(text(json));
            } catch (NumberFormatException e) {
                throw expected(json, "a float written by Float.toString");
            }
        }
    },
    DOUBLE(Double.class) {
        @Override
        void writeValue(JsonGenerator json, Object value) throws IOException {
            json.writeString(value.toString());
        }

        @Override
        Object readValue(JsonParser json) throws IOException {
            try {
                return Double.parseDouble(text(json));
            } catch (NumberFormatException e) {
                throw expected(json, "a double written by Double.toString");
            }
        }
    },
    CHAR(Character.class) {
        @Override
        void writeValue(JsonGenerator json, Object value) throws IOException {
            json.writeNumber((int) (Character) value);
        }

        @Override
        Object readValue(JsonParser json) throws IOException {
            return (char) integer(json, Character.MIN_VALUE, Character.MAX_VALUE);
        }
    },
    STRING(String.class) {
        @Override
        void writeValue(JsonGenerator json, Object value) throws IOException {
            json.writeString((String) value);
        }

        @Override
        Object readValue(JsonParser json) throws IOException {
            return text(json);
        }
    },
    PATH(Path.class) {
        @Override
        void writeValue(JsonGenerator json, Object value) throws IOException {
            Path path = (Path) value;
            if (path.getFileSystem() != FileSystems.getDefault()) {
                throw new IllegalArgumentException("the path " + path + " belongs to " + path.getFileSystem()
                        + "; accepted: paths of the default file system");
            }
            json.writeString(path.toString());
        }

        @Override
        Object readValue(JsonParser json) throws IOException {
            try {
                return Path.of(text(json));
            } catch (InvalidPathException e) {
                throw expected(json, "a path");
            }
        }
    },
    URI_(URI.class) {
        @Override
        void writeValue(JsonGenerator json, Object value) throws IOException {
            json.writeString(value.toString());
        }

        @Override
        Object readValue(JsonParser json) throws IOException {
            try {
                return new URI(text(json));
            } catch (URISyntaxException e) {
                throw expected(json, "a URI");
            }
        }
    },
    UUID_(UUID.class) {
        @Override
        void writeValue(JsonGenerator json, Object value) throws IOException {
            json.writeString(value.toString());
        }

        @Override
        Object readValue(JsonParser json) throws IOException {
            try {
                return UUID.fromString(text(json));
            } catch (IllegalArgumentException e) {
                throw expected(json, "a UUID");
            }
        }
    },
    INSTANT(Instant.class) {
        @Override
        void writeValue(JsonGenerator json, Object value) throws IOException {
            json.writeString(value.toString());
        }

        @Override
        Object readValue(JsonParser json) throws IOException {
            try {
                return Instant.parse(text(json));
            } catch (DateTimeParseException e) {
                throw expected(json, "an ISO-8601 instant");
            }
        }
    },
    DURATION(Duration.class) {
        @Override
        void writeValue(JsonGenerator json, Object value) throws IOException {
            json.writeString(value.toString());
        }

        @Override
        Object readValue(JsonParser json) throws IOException {
            try {
                return Duration.parse(text(json));
            } catch (DateTimeException e) {
                throw expected(json, "an ISO-8601 duration");
            }
        }
    };

    private final Class<?> type;

    Scalar(Class<?> type) {
        this.type = type;
    }

    /** @return the reference type (the box, for a primitive) whose values this kind writes */
    Class<?> type() {
        return type;
    }

    abstract void writeValue(JsonGenerator json, Object value) throws IOException;

    abstract Object readValue(JsonParser json) throws IOException;

    @Override
    public void write(JsonGenerator json, Object value) throws IOException {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("a " + (value == null ? "null" : value.getClass().getName())
                    + " where the declared type is " + describe());
        }
        writeValue(json, value);
    }

    @Override
    public Object read(JsonParser json) throws IOException {
        return readValue(json);
    }

    @Override
    public String describe() {
        return type.getName();
    }

    private static long integer(JsonParser json, long min, long max) throws IOException {
        if (json.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw expected(json, "a whole number");
        }
        if (json.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw expected(json, "a whole number from " + min + " to " + max);
        }
        long value = json.getLongValue();
        if (value < min || value > max) {
            throw expected(json, "a whole number from " + min + " to " + max);
        }
        return value;
    }

    private static String text(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.VALUE_STRING) {
            throw expected(json, "a string");
        }
        return json.getText();
    }

    static MalformedValueException expected(JsonParser json, String what) throws IOException {
        return new MalformedValueException("found " + json.currentToken() + " (" + json.getText() + ") where "
                + what + " was expected");
    }
}
