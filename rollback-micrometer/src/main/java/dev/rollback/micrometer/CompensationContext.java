package dev.rollback.micrometer;

import dev.rollback.CompensationResult;
import io.micrometer.observation.Observation;

import java.util.Optional;

/**
 * What a {@code rollback.compensation} observation knows: the compensation, the scope it undoes, and
 * once it has ended, its result. A compensation that failed or timed out has its error as the
 * observation's error.
 */
public final class CompensationContext extends Observation.Context {

    private final String operationId;
    private final String operationName;
    private final String description;
    private CompensationResult result;

    CompensationContext(String operationId, String operationName, String description) {
        this.operationId = operationId;
        this.operationName = operationName;
        this.description = description;
    }

    /** {@return the operation id of the scope it belongs to} */
    public String operationId() {
        return operationId;
    }

    /** {@return the operation name of the scope it belongs to} */
    public String operationName() {
        return operationName;
    }

    /** {@return the compensation's description, as in reports} */
    public String description() {
        return description;
    }

    /** {@return how it ended; empty while it runs} */
    public Optional<CompensationResult> result() {
        return Optional.ofNullable(result);
    }

    void ended(CompensationResult ended) {
        result = ended;
    }
}
