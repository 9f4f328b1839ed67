package dev.rollback.micrometer;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of {@code rollback.scope}: low-cardinality {@code rollback.operation} (the operation
 * name), {@code rollback.outcome} ({@code committed}, {@code rolled-back}, {@code rollback-incomplete})
 * and {@code rollback.weaving}; high-cardinality {@code rollback.operation.id}. Extend it, or pass an
 * {@link ObservationConvention} of your own to {@link ObservationRollbackListener}.
 */
public class DefaultRollbackScopeConvention implements ObservationConvention<RollbackScopeContext> {

    /** Creates it; Spring or the application calls this. */
    public DefaultRollbackScopeConvention() {
        // nothing to set up: every field has its initial value
    }

    /** The observation's name, hence the metrics' ({@code rollback.scope}, {@code rollback.scope.active}). */
    public static final String NAME = "rollback.scope";
    /** Low cardinality: the operation name. */
    public static final String OPERATION = "rollback.operation";
    /** Low cardinality: how the scope ended. */
    public static final String OUTCOME = "rollback.outcome";
    /** Low cardinality: how the scope was opened. */
    public static final String WEAVING = "rollback.weaving";
    /** High cardinality: the operation id. */
    public static final String OPERATION_ID = "rollback.operation.id";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(RollbackScopeContext context) {
        return "rollback " + context.operationName();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(RollbackScopeContext context) {
        return KeyValues.of(OPERATION, context.operationName(), OUTCOME, outcome(context), WEAVING, context.weaving());
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(RollbackScopeContext context) {
        return KeyValues.of(OPERATION_ID, context.operationId());
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof RollbackScopeContext;
    }

    private static String outcome(RollbackScopeContext context) {
        if (!context.ended()) {
            return "open";
        }
        if (!context.rolledBack()) {
            return "committed";
        }
        return context.complete() ? "rolled-back" : "rollback-incomplete";
    }
}
