package dev.rollback.durable.internal.codec;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.rollback.CompensationConfigurationException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Writes the arguments and the result of a {@code @Compensate} method as JSON text and rebuilds
 * them, each value as the kind its declared type says (D4, D8): the journal never names a class
 * that is then loaded or instantiated. The arguments are a JSON array, one element per parameter;
 * the result is one JSON value.
 *
 * <pre>{@code
 * ValueCodec codec = ValueCodec.of(method);         // at the first call: throws if a type is unsupported
 * String arguments = codec.encodeArguments(args);
 * Object[] again = codec.decodeArguments(arguments);
 * }</pre>
 */
public final class ValueCodec {

    static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** Per declaring class, so that a class loader that goes away takes its codecs with it. */
    private static final ClassValue<Map<Method, ValueCodec>> CODECS = new ClassValue<>() {
        @Override
        protected Map<Method, ValueCodec> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private final Method method;
    private final ValueType[] parameters;
    private final ValueType result;

    private ValueCodec(Method method, ValueType[] parameters, ValueType result) {
        this.method = method;
        this.parameters = parameters;
        this.result = result;
    }

    /**
     * The codec of a method, built at its first use and kept.
     *
     * @param method a {@code @Compensate} method called in a durable scope
     * @return its codec
     * @throws CompensationConfigurationException when a parameter's or the return type is not a
     *                                            kind the journal holds; the message names the
     *                                            class, the method, the parameter (index and name),
     *                                            its type and the accepted kinds
     */
    public static ValueCodec of(Method method) {
        Map<Method, ValueCodec> codecs = CODECS.get(method.getDeclaringClass());
        ValueCodec codec = codecs.get(method);
        if (codec == null) {
            codec = build(method);
            codecs.putIfAbsent(method, codec);
        }
        return codec;
    }

    /**
     * @param method a method
     * @param index  the index of one of its parameters, from 0
     * @throws CompensationConfigurationException when that parameter's declared type is not a kind
     *                                            the journal holds
     */
    public static void checkParameter(Method method, int index) {
        parameterType(method, index);
    }

    /**
     * @param method a method
     * @throws CompensationConfigurationException when its declared return type is not a kind the
     *                                            journal holds ({@code void} is: it journals null)
     */
    public static void checkResult(Method method) {
        resultType(method);
    }

    private static ValueCodec build(Method method) {
        ValueType[] parameters = new ValueType[method.getParameterCount()];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = parameterType(method, i);
        }
        return new ValueCodec(method, parameters, resultType(method));
    }

    private static ValueType parameterType(Method method, int index) {
        Parameter parameter = method.getParameters()[index];
        try {
            return ValueTypes.of(method.getGenericParameterTypes()[index]);
        } catch (ValueTypes.Unsupported e) {
            throw unsupported(method, "its parameter " + index + " '" + parameter.getName() + "' of type "
                    + method.getGenericParameterTypes()[index].getTypeName(), e);
        }
    }

    private static ValueType resultType(Method method) {
        if (method.getReturnType() == void.class) {
            return new CompositeTypes.Nullable(Scalar.STRING);
        }
        try {
            return ValueTypes.of(method.getGenericReturnType());
        } catch (ValueTypes.Unsupported e) {
            throw unsupported(method, "its return type " + method.getGenericReturnType().getTypeName(), e);
        }
    }

    private static CompensationConfigurationException unsupported(Method method, String what, ValueTypes.Unsupported e) {
        return new CompensationConfigurationException(signature(method) + " cannot be called in a durable scope: "
                + what + " cannot be journaled: " + e.getMessage() + "; accepted: " + ValueTypes.ACCEPTED);
    }

    /** @return the method as messages name it: {@code com.acme.Tabs.open(java.lang.String, int)} */
    static String signature(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName() + Arrays.stream(method.getParameterTypes())
                .map(Class::getTypeName).collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * @param args the arguments of one call, one per parameter
     * @return them as a JSON array
     * @throws IllegalArgumentException when their number or a value does not fit the declared types
     */
    public String encodeArguments(Object[] args) {
        if (args.length != parameters.length) {
            throw new IllegalArgumentException(args.length + " arguments for " + signature(method) + ", which takes "
                    + parameters.length);
        }
        return write(json -> {
            json.writeStartArray();
            for (int i = 0; i < args.length; i++) {
                writeValue(json, parameters[i], args[i], "argument " + i);
            }
            json.writeEndArray();
        });
    }

    /**
     * @param value the method's result ({@code null} for a {@code void} method)
     * @return it as one JSON value
     * @throws IllegalArgumentException when it does not fit the declared return type
     */
    public String encodeResult(Object value) {
        return write(json -> writeValue(json, result, value, "the result"));
    }

    private void writeValue(JsonGenerator json, ValueType type, Object value, String what) throws IOException {
        try {
            type.write(json, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " of " + signature(method) + " cannot be journaled: "
                    + e.getMessage(), e);
        }
    }

    /**
     * @param arguments a JSON array written by {@link #encodeArguments}
     * @return the arguments, rebuilt as the parameters' declared types say
     * @throws IllegalArgumentException when the text is not such an array
     */
    public Object[] decodeArguments(String arguments) {
        return read(arguments, json -> {
            if (json.nextToken() != JsonToken.START_ARRAY) {
                throw Scalar.expected(json, "an array of the arguments");
            }
            Object[] values = new Object[parameters.length];
            for (int i = 0; i < values.length; i++) {
                if (json.nextToken() == JsonToken.END_ARRAY) {
                    throw new MalformedValueException(i + " arguments where " + signature(method) + " takes " + values.length);
                }
                values[i] = readValue(json, parameters[i], "argument " + i);
            }
            if (json.nextToken() != JsonToken.END_ARRAY) {
                throw new MalformedValueException("more arguments than the " + values.length + " that "
                        + signature(method) + " takes");
            }
            return values;
        });
    }

    /**
     * @param value one JSON value written by {@link #encodeResult}
     * @return the result, rebuilt as the declared return type says
     * @throws IllegalArgumentException when the text is not such a value
     */
    public Object decodeResult(String value) {
        return read(value, json -> {
            json.nextToken();
            return readValue(json, result, "the result");
        });
    }

    private Object readValue(JsonParser json, ValueType type, String what) throws IOException {
        try {
            return type.read(json);
        } catch (MalformedValueException e) {
            MalformedValueException located = new MalformedValueException(what + " (" + type.describe() + "): "
                    + e.getMessage());
            located.initCause(e.getCause());
            throw located;
        }
    }

    @FunctionalInterface
    private interface Writing {
        void write(JsonGenerator json) throws IOException;
    }

    @FunctionalInterface
    private interface Reading<T> {
        T read(JsonParser json) throws IOException;
    }

    private static String write(Writing writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            writing.write(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("the value cannot be written as JSON: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private <T> T read(String text, Reading<T> reading) {
        try (JsonParser json = JSON.createParser(text)) {
            T value = reading.read(json);
            if (json.nextToken() != null) {
                throw new MalformedValueException("text after the value");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException("the journaled values of " + signature(method) + " cannot be rebuilt: "
                    + e.getMessage(), e);
        }
    }
}
