package dev.rollback.test;

import dev.rollback.Rollback;
import dev.rollback.RollbackIncompleteException;
import dev.rollback.RollbackReport;
import dev.rollback.RollbackScope;
import dev.rollback.test.internal.Session;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Proves that a scenario leaves nothing behind wherever it fails: it runs the scenario once to
 * count its compensated calls ({@code @Compensate} methods and {@code Rollback.register}), then once
 * more for each call n, failing right after the n-th returns, and checks each time that the world
 * after the rollback equals the world before the scenario.
 *
 * <pre>{@code
 * FailureInjector.assertEveryFailureIsUndone(files, () -> factory.create("agent-7"));
 * }</pre>
 *
 * <p>Each run is wrapped in a scope of the kit, which is always rolled back at the end, so the
 * scenario's own successful work is undone too and the next run starts from the same world. The
 * kit hears of each call from the engine ({@code RollbackListener.onRecord}), so it works however
 * the code was woven: ajc, AspectJ load-time weaving or the Rollback java agent.
 */
public final class FailureInjector {

    private FailureInjector() {
    }

    /**
     * {@return every run: the uninjected one first, then one per compensated call}
     *
     * @param probe    reads the world the scenario changes
     * @param scenario the work, which must succeed when nothing is injected
     * @param <S>      the probe's state
     * @throws AssertionFailedError when the scenario fails on its own, makes no call the kit can see,
     *                              or leaves the world changed (or a rollback incomplete) after any run
     */
    public static <S extends @Nullable Object> InjectionResult assertEveryFailureIsUndone(StateProbe<S> probe, Scenario scenario) {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(scenario, "scenario");
        S before = Probing.capture(probe, "before the scenario");
        List<InjectionResult.Run> runs = new ArrayList<>();
        Problems problems = new Problems();
        int calls;
        try (Session session = Session.counting(); RollbackReports reports = RollbackReports.record()) {
            Ran ran = runInKitScope(scenario);
            if (ran.thrown() != null) {
                throw new AssertionFailedError("the scenario failed with nothing injected, so there is no step to inject"
                        + " a failure after; accepted: a scenario that succeeds on its own", ran.thrown());
            }
            problems.addClosing(ran, "after the whole scenario");
            calls = session.calls();
            runs.add(new InjectionResult.Run(0, reports.all()));
        }
        if (calls == 0) {
            throw new AssertionFailedError("the scenario made no compensated call the kit could see; accepted: a scenario"
                    + " that calls @Compensate methods (woven by ajc, load-time weaving or the java agent) or Rollback.register");
        }
        problems.checkWorld(probe, before, "after the whole scenario (" + calls + " compensated calls) was rolled back");
        problems.checkReports(runs.get(0));
        for (int n = 1; n <= calls; n++) {
            // compared with the world just before this run, so that a leak is blamed on the step that made it only
            S beforeRun = Probing.capture(probe, "before the run failing after compensated call " + n);
            runs.add(injectAfter(n, calls, scenario, problems));
            problems.checkWorld(probe, beforeRun, "after a failure right after compensated call " + n + " of " + calls);
            problems.checkReports(runs.get(n));
        }
        problems.throwIfAny(calls);
        return new InjectionResult(calls, runs);
    }

    private static InjectionResult.Run injectAfter(int n, int calls, Scenario scenario, Problems problems) {
        try (Session session = Session.failingAfter(n); RollbackReports reports = RollbackReports.record()) {
            Ran ran = runInKitScope(scenario);
            Throwable thrown = ran.thrown();
            InjectedFailure injected = session.injected();
            if (injected == null) {
                problems.add("compensated call " + n + " of " + calls + " was never reached (the scenario made "
                        + session.calls() + " this time); accepted: a scenario that makes the same calls on every run", thrown);
            } else if (thrown != null && !causedBy(thrown, injected)) {
                problems.add("with a failure injected after compensated call " + n + ", the scenario threw something else",
                        thrown);
            }
            problems.addClosing(ran, "after a failure right after compensated call " + n);
            return new InjectionResult.Run(n, reports.all());
        }
    }

    /**
     * Runs the scenario in a scope of the kit and rolls that scope back.
     *
     * @return what the scenario threw (or {@code null}), and what closing the kit's scope threw other
     *         than an incomplete rollback, which the reports show
     */
    static Ran runInKitScope(Scenario scenario) {
        Throwable thrown = null;
        RollbackScope scope = Rollback.begin("rollback-test");
        try {
            scenario.run();
        } catch (Throwable t) {
            thrown = t; // handed to the caller, which expects it (an injected failure) or reports it
        }
        try {
            scope.close();
        } catch (RollbackIncompleteException incomplete) {
            return new Ran(thrown, null); // its report is among the recorded ones, and is reported from there
        } catch (RuntimeException closing) {
            return new Ran(thrown, closing);
        }
        return new Ran(thrown, null);
    }

    /** What one run of the scenario in the kit's scope threw. */
    record Ran(@Nullable Throwable thrown, @Nullable RuntimeException closing) {
    }

    private static boolean causedBy(Throwable thrown, InjectedFailure injected) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t == injected) {
                return true;
            }
        }
        return false;
    }

    /** What went wrong over all runs, reported together so that one test run shows every faulty step. */
    private static final class Problems {

        private final List<String> messages = new ArrayList<>();
        private final List<Throwable> causes = new ArrayList<>();
        private Object expected;
        private Object actual;
        private boolean hasValues;

        void add(String message, Throwable cause) {
            messages.add(message + (cause == null ? "" : ": " + cause));
            if (cause != null) {
                causes.add(cause);
            }
        }

        void addClosing(Ran ran, String when) {
            if (ran.closing() != null) {
                add("closing the kit's scope " + when + " failed", ran.closing());
            }
        }

        <S extends @Nullable Object> void checkWorld(StateProbe<S> probe, S before, String when) {
            S after = Probing.capture(probe, when);
            if (!Objects.equals(before, after)) {
                messages.add("the world differs " + when + ":\n    before: " + before + "\n    after:  " + after);
                if (!hasValues) {
                    expected = before;
                    actual = after;
                    hasValues = true;
                }
            }
        }

        void checkReports(InjectionResult.Run run) {
            for (RollbackReport report : run.reports()) {
                if (!report.isComplete()) {
                    messages.add("an incomplete rollback " + run.describe() + ":\n    " + report.toString().replace("\n", "\n    "));
                    report.actions().forEach(a -> a.error().ifPresent(causes::add));
                }
            }
        }

        void throwIfAny(int calls) {
            if (messages.isEmpty()) {
                return;
            }
            String message = messages.size() + " of " + (calls + 1) + " runs did not undo cleanly:\n  - "
                    + String.join("\n  - ", messages);
            AssertionFailedError failure = hasValues ? new AssertionFailedError(message, expected, actual)
                    : new AssertionFailedError(message);
            causes.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
