package dev.rollback.test;

import dev.rollback.CompensationResult;
import dev.rollback.Outcome;
import dev.rollback.RecordedCompensation;
import dev.rollback.RollbackReport;
import dev.rollback.RollbackScope;
import org.opentest4j.AssertionFailedError;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Assertions on a {@link RollbackReport}: which compensations ran, in which order, and how they
 * ended; and on what a scope holds before it settles. Failures show the whole report, or what the
 * scope holds.
 *
 * <pre>{@code
 * assertThatReport(reports.last())
 *         .ranInOrder("Workers.start(agent-7)", "Workspaces.create(agent-7)")
 *         .hasOutcomes(Outcome.SUCCEEDED, Outcome.FAILED)
 *         .isIncomplete();
 * }</pre>
 */
public final class RollbackAssertions {

    private RollbackAssertions() {
    }

    /**
     * {@return assertions on it}
     *
     * @param report the report to check
     */
    public static ReportAssert assertThatReport(RollbackReport report) {
        return new ReportAssert(Objects.requireNonNull(report, "report"));
    }

    /**
     * Assertions on what a scope holds so far ({@link RollbackScope#pending()}), in the order a
     * rollback would run it; safe while other threads record into the scope.
     *
     * <pre>{@code
     * assertThatPending(Rollback.current().orElseThrow())
     *         .holdsInOrder("Workers.start(agent-7)", "Workspaces.create(agent-7)");
     * }</pre>
     *
     * @param scope the scope
     * @return assertions on a snapshot of what it holds now
     */
    public static PendingAssert assertThatPending(RollbackScope scope) {
        return new PendingAssert(Objects.requireNonNull(scope, "scope"));
    }

    /** Assertions on a snapshot of a scope's pending compensations; each returns {@code this} to chain. */
    public static final class PendingAssert {

        private final RollbackScope scope;
        private final List<RecordedCompensation> pending;

        private PendingAssert(RollbackScope scope) {
            this.scope = scope;
            this.pending = scope.pending();
        }

        /**
         * Asserts what the scope held, in the order a rollback would have run it.
         *
         * @param descriptions every pending compensation's description, in the order a rollback would run them
         * @return this
         */
        public PendingAssert holdsInOrder(String... descriptions) {
            List<String> found = pending.stream().map(RecordedCompensation::description).collect(Collectors.toList());
            List<String> expected = Arrays.asList(descriptions);
            if (!found.equals(expected)) {
                throw new AssertionFailedError("the compensations " + scope + " holds, in rollback order, differ: expected "
                        + expected + " but was " + found, expected, found);
            }
            return this;
        }

        /** {@return this, when the scope holds nothing} */
        public PendingAssert isEmpty() {
            return holdsInOrder();
        }
    }

    /** Assertions on one report; each returns {@code this} to chain. */
    public static final class ReportAssert {

        private final RollbackReport report;

        private ReportAssert(RollbackReport report) {
            this.report = report;
        }

        /**
         * {@return this}
         *
         * @param name the expected operation name
         */
        public ReportAssert hasName(String name) {
            return check(report.name(), name, "the operation name");
        }

        /**
         * {@return this}
         *
         * @param descriptions every compensation's description, in the order they ran
         */
        public ReportAssert ranInOrder(String... descriptions) {
            return check(actions().stream().map(CompensationResult::description).collect(Collectors.toList()),
                    Arrays.asList(descriptions), "the compensations, in the order they ran");
        }

        /**
         * {@return this}
         *
         * @param outcomes every compensation's outcome, in the order they ran
         */
        public ReportAssert hasOutcomes(Outcome... outcomes) {
            return check(actions().stream().map(CompensationResult::outcome).collect(Collectors.toList()),
                    Arrays.asList(outcomes), "the outcomes, in the order the compensations ran");
        }

        /**
         * {@return this}
         *
         * @param description a compensation's description
         * @param outcome     how it must have ended
         */
        public ReportAssert ran(String description, Outcome outcome) {
            List<Outcome> found = actions().stream().filter(a -> a.description().equals(description))
                    .map(CompensationResult::outcome).collect(Collectors.toList());
            return check(found, List.of(outcome), "the outcome of '" + description + "'");
        }

        /** {@return this, when every compensation succeeded} */
        public ReportAssert isComplete() {
            return check(report.isComplete(), true, "whether the rollback was complete");
        }

        /** {@return this, when at least one compensation failed or timed out} */
        public ReportAssert isIncomplete() {
            return check(report.isComplete(), false, "whether the rollback was complete");
        }

        private List<CompensationResult> actions() {
            return report.actions();
        }

        private ReportAssert check(Object actual, Object expected, String what) {
            if (!Objects.equals(actual, expected)) {
                throw new AssertionFailedError(what + " differ(s): expected " + expected + " but was " + actual
                        + "\nin " + report, expected, actual);
            }
            return this;
        }
    }
}
