package dev.rollback.micrometer;

import dev.rollback.CompensationResult;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

import java.util.Locale;

/**
 * Names and keys of {@code rollback.compensation}: low-cardinality {@code rollback.operation} (the
 * scope's operation name), {@code rollback.outcome} ({@code succeeded}, {@code failed},
 * {@code timed-out}) and {@code rollback.priority}; high-cardinality {@code rollback.operation.id},
 * {@code rollback.compensation.description} (a default description holds the call's arguments) and
 * {@code rollback.compensation.attempts}.
 */
public class DefaultCompensationConvention implements ObservationConvention<CompensationContext> {

    /** Creates it; Spring or the application calls this. */
    public DefaultCompensationConvention() {
        // nothing to set up: every field has its initial value
    }

    /** The observation's name, hence the metrics'. */
    public static final String NAME = "rollback.compensation";
    /** Low cardinality: the compensation's priority. */
    public static final String PRIORITY = "rollback.priority";
    /** High cardinality: the compensation's description. */
    public static final String DESCRIPTION = "rollback.compensation.description";
    /** High cardinality: how many attempts it took. */
    public static final String ATTEMPTS = "rollback.compensation.attempts";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(CompensationContext context) {
        return "compensate " + context.operationName();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(CompensationContext context) {
        String outcome = context.result().map(r -> r.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .orElse("running");
        String priority = context.result().map(r -> Integer.toString(r.priority())).orElse("unknown");
        return KeyValues.of(DefaultRollbackScopeConvention.OPERATION, context.operationName(),
                DefaultRollbackScopeConvention.OUTCOME, outcome, PRIORITY, priority);
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(CompensationContext context) {
        String attempts = context.result().map(CompensationResult::attempts).map(String::valueOf).orElse("0");
        return KeyValues.of(DefaultRollbackScopeConvention.OPERATION_ID, context.operationId(), DESCRIPTION,
                context.description(), ATTEMPTS, attempts);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof CompensationContext;
    }
}
