package dev.rollback.durable;

import java.lang.reflect.Constructor;

/**
 * Gives recovery the object whose compensating method runs (D5): the class is the one declaring
 * the journaled {@code @Compensate} method, checked against the code before it is asked for. Static
 * compensating methods need none.
 *
 * <pre>{@code
 * DurableRollback.install(journal, applicationContext::getBean);   // Spring: the bean of that type
 * }</pre>
 */
@FunctionalInterface
public interface InstanceResolver {

    /**
     * {@return an instance of it}
     *
     * @param type the class declaring a {@code @Compensate} method that recovery is about to undo
     * @throws Exception when there is none; recovery reports it as that step's failure and keeps the
     *                   scope for a later recovery
     */
    Object instanceOf(Class<?> type) throws Exception;

    /**
     * {@return the default resolver: a new instance from the class's no-arg constructor (any
     * visibility), for each step}
     */
    static InstanceResolver noArgConstructor() {
        return type -> {
            Constructor<?> constructor;
            try {
                constructor = type.getDeclaredConstructor();
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getName() + " has no no-arg constructor, so recovery cannot"
                        + " make the object whose compensating method runs; accepted: a no-arg constructor, or"
                        + " DurableRollback.install(journal, resolver) with a resolver that knows the instance", e);
            }
            constructor.setAccessible(true);
            return constructor.newInstance();
        };
    }
}
