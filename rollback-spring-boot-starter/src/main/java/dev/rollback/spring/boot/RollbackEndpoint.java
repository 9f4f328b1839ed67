package dev.rollback.spring.boot;

import dev.rollback.CompensationResult;
import dev.rollback.RollbackReport;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import java.util.List;
import java.util.Locale;

/**
 * The actuator endpoint {@code rollbacks}: the most recent rollback reports, newest first, with the
 * counts since start ({@code GET /actuator/rollbacks}), and one report by operation id
 * ({@code GET /actuator/rollbacks/{operationId}}, 404 when it is not among the kept ones). Like
 * every endpoint but health, it is not exposed until {@code management.endpoints.web.exposure.include}
 * names it: reports hold compensation descriptions and error messages.
 */
@Endpoint(id = "rollbacks")
public class RollbackEndpoint {

    private final RecentRollbacks recent;

    /**
     * Creates it.
     *
     * @param recent where the reports are kept
     */
    public RollbackEndpoint(RecentRollbacks recent) {
        this.recent = recent;
    }

    /** {@return the counts and the kept reports, newest first} */
    @ReadOperation
    public Rollbacks rollbacks() {
        return new Rollbacks(recent.rollbacks(), recent.incompleteRollbacks(), recent.failedCompensations(),
                recent.reports().stream().map(RollbackEndpoint::view).toList());
    }

    /**
     * {@return its report, or {@code null} (404) when it is not kept}
     *
     * @param operationId the operation id
     */
    @ReadOperation
    public Report report(@Selector String operationId) {
        return recent.report(operationId).map(RollbackEndpoint::view).orElse(null);
    }

    private static Report view(RollbackReport report) {
        return new Report(report.operationId(), report.name(), report.start().toString(), report.duration().toMillis(),
                report.completeness(), report.actions().stream().map(RollbackEndpoint::view).toList());
    }

    private static Compensation view(CompensationResult result) {
        return new Compensation(result.description(), result.priority(),
                result.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'), result.attempts(),
                result.duration().toMillis(), result.error().map(Throwable::toString).orElse(null));
    }

    /**
     * The endpoint's answer.
     *
     * @param rollbacks           rollbacks since the context started
     * @param incompleteRollbacks of which incomplete
     * @param failedCompensations compensations that failed or timed out
     * @param reports             the kept reports, newest first
     */
    public record Rollbacks(long rollbacks, long incompleteRollbacks, long failedCompensations, List<Report> reports) {
    }

    /**
     * One rollback.
     *
     * @param operationId    the scope's operation id
     * @param name           its operation name
     * @param start          when the rollback started (ISO-8601)
     * @param durationMillis how long it took
     * @param completeness   the share of compensations that succeeded, in percent
     * @param compensations  each compensation, in running order
     */
    public record Report(String operationId, String name, String start, long durationMillis, double completeness,
                         List<Compensation> compensations) {
    }

    /**
     * One compensation.
     *
     * @param description    as in reports
     * @param priority       its priority
     * @param outcome        succeeded, failed or timed-out
     * @param attempts       attempts made
     * @param durationMillis how long it took
     * @param error          the failure, class and message, or {@code null}
     */
    public record Compensation(String description, int priority, String outcome, int attempts, long durationMillis,
                               String error) {
    }
}
