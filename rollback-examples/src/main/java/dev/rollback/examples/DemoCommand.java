package dev.rollback.examples;

import dev.rollback.Rollback;
import dev.rollback.RollbackListener;
import dev.rollback.RollbackReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Creates several agents; the last one fails at a step and is rolled back; then checks that nothing
 * of it remains while the others are intact, and tears those down too unless {@code --keep}. Then a
 * crash: a child JVM creating one more agent halts half-way, and recovery undoes what it left.
 */
@Command(name = "demo", description = "Create agents, fail one at a step, show the rollback and check for residue;"
        + " then crash a child JVM half-way through a creation and recover what it left.")
final class DemoCommand extends RootCommand implements Callable<Integer> {

    @Option(names = "--agents", defaultValue = "3", paramLabel = "N", description = "How many agents (1-9, default ${DEFAULT-VALUE}).")
    int agents;

    @Option(names = "--fail-at", paramLabel = "STEP",
            description = "The step the last agent fails at: workspace, row, port, worker, window (default: its last step).")
    Step failAt;

    @Option(names = "--break-compensation", paramLabel = "STEP", description = "Make the failed agent's compensation of STEP fail too.")
    Step brokenCompensation;

    @Option(names = "--keep", description = "Keep the agents that succeeded (default: tear them down at the end).")
    boolean keep;

    @Option(names = "--cleanup", description = "Tear the agents that succeeded down at the end (the default).")
    boolean cleanup;

    @Option(names = "--crash-at", paramLabel = "STEP", description = "The step after which the crashing child JVM halts:"
            + " workspace, row, port, worker, window (default: its last step).")
    Step crashAt;

    @Option(names = "--no-crash", description = "Leave the crash and its recovery out.")
    boolean noCrash;

    @Option(names = "--agent", description = "Run the same orchestrator compiled by plain javac, never woven, in a child"
            + " JVM under the Rollback java agent.")
    boolean underAgent;

    @Override
    public Integer call() throws Exception {
        if (agents < 1 || agents > 9) {
            throw new Environment.UsageError("--agents " + agents + "; accepted: 1 to 9");
        }
        if (keep && cleanup) {
            throw new Environment.UsageError("--keep and --cleanup together; accepted: one of them");
        }
        if (underAgent) {
            return AgentMode.run(parent.root, childArguments());
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= agents; i++) {
            names.add("agent-" + i);
        }
        String failing = names.get(names.size() - 1);
        Console console = console();
        boolean tmux = Tmux.available();
        Step step = failAt != null ? failAt : tmux ? Step.WINDOW : Step.WORKER;
        Step crashStep = crashAt != null ? crashAt : tmux ? Step.WINDOW : Step.WORKER;
        if (!tmux && (step == Step.WINDOW || brokenCompensation == Step.WINDOW || !noCrash && crashStep == Step.WINDOW)) {
            throw new Environment.UsageError("step window needs tmux, which is not installed here;"
                    + " accepted: workspace, row, port, worker");
        }
        Faults faults = new Faults(failing, step, brokenCompensation);
        List<RollbackReport> reports = new ArrayList<>();
        RollbackListener collector = new RollbackListener() {
            @Override
            public void onRollback(RollbackReport report) {
                reports.add(report);
            }
        };
        int outcome;
        try (Environment environment = open(faults, console)) {
            refuseLeftovers(environment, noCrash ? names : append(names, CrashAct.AGENT));
            console.line("Rollback demo under " + environment.root() + ": " + agents + " agent(s); " + failing
                    + " fails at step " + step.cliName() + (brokenCompensation == null ? ""
                    : ", and its compensation of step " + brokenCompensation.cliName() + " fails too"));
            console.line("woven by " + AgentMode.weaving());
            if (!tmux) {
                console.line("note: tmux is not installed, so agents get no window (step window skipped)");
            }
            Rollback.addListener(collector);
            List<Agent> created = new ArrayList<>();
            try {
                for (String name : names) {
                    try {
                        created.add(environment.factory().create(name));
                        console.line("  " + name + " ready");
                    } catch (Faults.InjectedFailure e) {
                        console.line("  " + name + " FAILED: " + e.getMessage());
                    }
                }
            } finally {
                Rollback.removeListener(collector);
            }
            outcome = new DemoOutcome(environment, console).report(faults, failing, brokenCompensation, reports, created, !keep);
        }
        if (noCrash) {
            return outcome;
        }
        return new CrashAct(parent.root, crashStep, console).run() ? outcome : 1;
    }

    private static List<String> append(List<String> names, String name) {
        List<String> all = new ArrayList<>(names);
        all.add(name);
        return all;
    }

    /** The options of this command, less {@code --agent}, for the child JVM. */
    private List<String> childArguments() {
        List<String> arguments = new ArrayList<>(List.of("--agents", Integer.toString(agents)));
        if (failAt != null) {
            arguments.addAll(List.of("--fail-at", failAt.cliName()));
        }
        if (brokenCompensation != null) {
            arguments.addAll(List.of("--break-compensation", brokenCompensation.cliName()));
        }
        arguments.add(keep ? "--keep" : "--cleanup");
        if (crashAt != null) {
            arguments.addAll(List.of("--crash-at", crashAt.cliName()));
        }
        if (noCrash) {
            arguments.add("--no-crash");
        }
        return arguments;
    }

    private static void refuseLeftovers(Environment environment, List<String> names) throws Exception {
        for (String name : names) {
            if (environment.registry().find(name).isPresent() || Files.exists(environment.workspaces().dirOf(name))) {
                throw new Environment.UsageError(name + " already exists under " + environment.root()
                        + " (left by demo --keep?); accepted: run 'destroy " + name + "' first, or another --root");
            }
        }
    }
}
