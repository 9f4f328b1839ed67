package dev.rollback;

import dev.rollback.annotation.Propagation;
import dev.rollback.internal.ProgrammaticScopes;
import dev.rollback.internal.Scope;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A programmatic scope with the attributes {@code @WithRollback} gives an annotated one, from
 * {@link Rollback#scope(String)}. Immutable: each setter returns a new spec.
 *
 * <pre>{@code
 * Rollback.scope("tear-down").parallelCompensation(true).run(() -> {
 *     ...   // on failure, compensations of equal priority undo concurrently
 * });
 * }</pre>
 */
public final class ScopeSpec {

    private final String name;
    private final Propagation propagation;
    private final boolean parallelCompensation;
    private final boolean durable;

    ScopeSpec(String name, Propagation propagation, boolean parallelCompensation) {
        this(name, propagation, parallelCompensation, false);
    }

    private ScopeSpec(String name, Propagation propagation, boolean parallelCompensation, boolean durable) {
        this.name = Objects.requireNonNull(name, "name");
        this.propagation = Objects.requireNonNull(propagation, "propagation");
        this.parallelCompensation = parallelCompensation;
        this.durable = durable;
    }

    /**
     * {@return a spec with it}
     *
     * @param propagation how the scope relates to a scope already open (default {@link Propagation#NESTED})
     */
    public ScopeSpec propagation(Propagation propagation) {
        return new ScopeSpec(name, propagation, parallelCompensation, durable);
    }

    /**
     * {@return a spec with it}
     *
     * @param parallel whether compensations of equal priority run concurrently on rollback (default
     *                 {@code false}), as {@code @WithRollback(parallelCompensation = true)}
     */
    public ScopeSpec parallelCompensation(boolean parallel) {
        return new ScopeSpec(name, propagation, parallel, durable);
    }

    /**
     * {@return a spec with it}
     *
     * @param journaled whether the scope is journaled (default {@code false}), as
     *                  {@code @WithRollback(durable = true)}: its {@code @Compensate} calls can be
     *                  undone by {@code DurableRollback.recover()} after this process dies; scopes
     *                  opened inside it are durable too, and {@link Rollback#register} is refused in it
     */
    public ScopeSpec durable(boolean journaled) {
        return new ScopeSpec(name, propagation, parallelCompensation, journaled);
    }

    /**
     * Opens the scope on the current thread, like {@link Rollback#begin(String, Propagation)}.
     *
     * @return the scope; close it (try-with-resources), after {@link RollbackScope#commit()} on success
     */
    public RollbackScope begin() {
        return ProgrammaticScopes.open(name, propagation, parallelCompensation, durable);
    }

    /**
     * Runs a body in the scope, like {@link Rollback#run(String, Rollback.Body)}.
     *
     * @param body the work
     * @param <E>  what the body may throw
     * @throws E what the body threw
     */
    public <E extends Throwable> void run(Rollback.Body<E> body) throws E {
        Objects.requireNonNull(body, "body");
        this.<Void, E>call(() -> {
            body.run();
            return null;
        });
    }

    /**
     * Runs a body with a result in the scope, like {@link Rollback#call(String, Rollback.ResultBody)}.
     *
     * @param body the work
     * @param <T>  its result
     * @param <E>  what the body may throw
     * @return what the body returned
     * @throws E what the body threw
     */
    public <T, E extends Throwable> T call(Rollback.ResultBody<T, E> body) throws E {
        Objects.requireNonNull(body, "body");
        Scope scope = ProgrammaticScopes.open(name, propagation, parallelCompensation, durable);
        T result;
        try {
            result = body.call();
        } catch (Throwable thrown) {
            ProgrammaticScopes.fail(scope, thrown);
            throw thrown;
        }
        ProgrammaticScopes.succeed(scope);
        return result;
    }

    /**
     * Runs a body whose work outlives it in the scope, like {@link Rollback#async(String, Supplier)}.
     *
     * @param body the work, returning the stage that completes when the work is done
     * @param <T>  its result
     * @return a future that completes once the scope has settled
     */
    public <T> CompletableFuture<T> async(Supplier<? extends CompletionStage<T>> body) {
        return ProgrammaticScopes.async(name, propagation, parallelCompensation, durable, body);
    }

    @Override
    public String toString() {
        return "scope '" + name + "' (" + propagation + (parallelCompensation ? ", parallel compensation" : "")
                + (durable ? ", durable)" : ")");
    }
}
