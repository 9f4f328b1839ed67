package dev.rollback.durable.internal.codec;

import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link ValueType} of a declared Java type, or says why the type cannot be journaled. */
final class ValueTypes {

    /** What the error messages list as accepted. */
    static final String ACCEPTED = "null, primitives and their boxes, String, enums, java.nio.file.Path, java.net.URI,"
            + " java.util.UUID, java.time.Instant, java.time.Duration, ProcessHandle, records of these, arrays of these,"
            + " and List<T> and Map<K, V> of these (with T, K and V written out)";

    private static final Map<Class<?>, Scalar> SCALARS = new HashMap<>();

    static {
        for (Scalar scalar : Scalar.values()) {
            SCALARS.put(scalar.type(), scalar);
        }
        Class<?>[] primitives = {boolean.class, byte.class, short.class, int.class, long.class, float.class,
                double.class, char.class};
        Scalar[] kinds = {Scalar.BOOLEAN, Scalar.BYTE, Scalar.SHORT, Scalar.INT, Scalar.LONG, Scalar.FLOAT,
                Scalar.DOUBLE, Scalar.CHAR};
        for (int i = 0; i < primitives.length; i++) {
            SCALARS.put(primitives[i], kinds[i]);
        }
    }

    /** A declared type that cannot be journaled; the message says which part and why. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String reason) {
            super(reason);
        }
    }

    private ValueTypes() {
    }

    /**
     * @param declared a declared type: a parameter's or a method's generic return type
     * @return how values of that type are journaled
     * @throws Unsupported when the type (or a part of it) is not one of the {@link #ACCEPTED} kinds
     */
    static ValueType of(Type declared) throws Unsupported {
        return build(declared, Map.of(), new ArrayDeque<>());
    }

    private static ValueType build(Type type, Map<TypeVariable<?>, Type> bindings, Deque<Class<?>> records)
            throws Unsupported {
        if (type instanceof TypeVariable<?> variable) {
            Type bound = bindings.get(variable);
            if (bound == null) {
                throw new Unsupported("the type variable " + variable.getName() + " is not written out");
            }
            return build(bound, bindings, records);
        }
        if (type instanceof ParameterizedType parameterized) {
            return parameterized(parameterized, bindings, records);
        }
        if (type instanceof GenericArrayType array) {
            ValueType component = build(array.getGenericComponentType(), bindings, records);
            Class<?> componentClass = rawClass(array.getGenericComponentType(), bindings);
            return new CompositeTypes.Nullable(new CompositeTypes.ArrayType(componentClass, component, type.getTypeName()));
        }
        if (type instanceof Class<?> plain) {
            return plain(plain, bindings, records);
        }
        throw new Unsupported("the wildcard type " + type.getTypeName() + " does not say what the value is");
    }

    private static ValueType plain(Class<?> type, Map<TypeVariable<?>, Type> bindings, Deque<Class<?>> records)
            throws Unsupported {
        Scalar scalar = SCALARS.get(type);
        if (scalar != null) {
            return type.isPrimitive() ? scalar : new CompositeTypes.Nullable(scalar);
        }
        if (type.isArray()) {
            ValueType component = build(type.getComponentType(), bindings, records);
            return new CompositeTypes.Nullable(new CompositeTypes.ArrayType(type.getComponentType(), component,
                    type.getTypeName()));
        }
        if (type.isEnum()) {
            @SuppressWarnings("unchecked")
            Class<? extends Enum<?>> enumType = (Class<? extends Enum<?>>) type;
            return new CompositeTypes.Nullable(new CompositeTypes.EnumType(enumType));
        }
        if (type == ProcessHandle.class) {
            return new CompositeTypes.Nullable(ProcessHandleType.INSTANCE);
        }
        if (type.isRecord()) {
            if (type.getTypeParameters().length > 0) {
                throw new Unsupported("the generic record " + type.getName() + " is used without its type arguments");
            }
            return record(type, bindings, records);
        }
        if (type == List.class || type == Map.class) {
            throw new Unsupported("the raw type " + type.getName() + " does not say what its elements are");
        }
        throw new Unsupported(type.getName() + " is not a kind the journal can hold");
    }

    private static ValueType parameterized(ParameterizedType type, Map<TypeVariable<?>, Type> bindings,
                                           Deque<Class<?>> records) throws Unsupported {
        Class<?> raw = (Class<?>) type.getRawType();
        Type[] arguments = type.getActualTypeArguments();
        if (raw == List.class) {
            return new CompositeTypes.Nullable(new CompositeTypes.ListType(build(arguments[0], bindings, records),
                    type.getTypeName()));
        }
        if (raw == Map.class) {
            return new CompositeTypes.Nullable(new CompositeTypes.MapType(build(arguments[0], bindings, records),
                    build(arguments[1], bindings, records), type.getTypeName()));
        }
        if (raw.isRecord()) {
            Map<TypeVariable<?>, Type> inner = new HashMap<>(bindings);
            TypeVariable<?>[] parameters = raw.getTypeParameters();
            for (int i = 0; i < parameters.length; i++) {
                inner.put(parameters[i], arguments[i]);
            }
            return record(raw, inner, records);
        }
        throw new Unsupported(type.getTypeName() + " is not a kind the journal can hold (of the generic types only"
                + " List<T>, Map<K, V> and records are)");
    }

    private static ValueType record(Class<?> type, Map<TypeVariable<?>, Type> bindings, Deque<Class<?>> records)
            throws Unsupported {
        if (records.contains(type)) {
            throw new Unsupported("the record " + type.getName() + " contains itself");
        }
        records.push(type);
        RecordComponent[] parts = type.getRecordComponents();
        List<String> names = new ArrayList<>();
        List<Method> accessors = new ArrayList<>();
        List<ValueType> components = new ArrayList<>();
        Class<?>[] erased = new Class<?>[parts.length];
        for (int i = 0; i < parts.length; i++) {
            RecordComponent part = parts[i];
            try {
                components.add(build(part.getGenericType(), bindings, records));
            } catch (Unsupported e) {
                throw new Unsupported("its record " + type.getName() + " has the component '" + part.getName() + "' of type "
                        + part.getGenericType().getTypeName() + ": " + e.getMessage());
            }
            names.add(part.getName());
            accessors.add(accessible(part.getAccessor(), type));
            erased[i] = part.getType();
        }
        records.pop();
        Constructor<?> constructor;
        try {
            constructor = accessible(type.getDeclaredConstructor(erased), type);
        } catch (NoSuchMethodException e) {
            throw new Unsupported("the record " + type.getName() + " has no canonical constructor");
        }
        return new CompositeTypes.Nullable(new CompositeTypes.RecordType(type, List.copyOf(names), List.copyOf(accessors),
                List.copyOf(components), constructor));
    }

    private static <T extends java.lang.reflect.AccessibleObject> T accessible(T member, Class<?> type) throws Unsupported {
        if (!member.trySetAccessible()) {
            throw new Unsupported("the record " + type.getName() + " is in a module that does not open "
                    + type.getPackageName() + " to Rollback, so its " + member + " cannot be called");
        }
        return member;
    }

    private static Class<?> rawClass(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        if (type instanceof GenericArrayType array) {
            return rawClass(array.getGenericComponentType(), bindings).arrayType();
        }
        return rawClass(bindings.get((TypeVariable<?>) type), bindings);
    }
}
