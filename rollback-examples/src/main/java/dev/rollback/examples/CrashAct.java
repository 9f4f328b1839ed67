package dev.rollback.examples;

import dev.rollback.RollbackReport;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The demo's second act: this program started again in a child JVM, running
 * {@code create agent-crash --crash-at STEP}, which halts right after that step as a killed process
 * would; then what the dead run left, seen for real; then recovery; then that nothing remains.
 */
final class CrashAct {

    static final String AGENT = "agent-crash";

    private final Path root;
    private final Step step;
    private final Console console;

    CrashAct(Path root, Step step, Console console) {
        this.root = root.toAbsolutePath().normalize();
        this.step = step;
        this.console = console;
    }

    /** @return whether the child crashed, left something, and recovery left nothing */
    boolean run() throws Exception {
        console.line("");
        console.line("Crash: a child JVM runs 'create " + AGENT + " --crash-at " + step.cliName() + "' and halts right"
                + " after step " + step.cliName() + ", as if killed there (no finally block, no shutdown hook runs)");
        Process child = new ProcessBuilder(childCommand()).redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            output.lines().forEach(line -> console.line("  | " + line));
        }
        int exit = child.waitFor();
        console.line("  child JVM pid " + child.pid() + " is gone, exit code " + exit);
        if (exit != Faults.CRASH_EXIT_CODE) {
            console.line("Demo FAILED: the child should have halted with exit code " + Faults.CRASH_EXIT_CODE);
            return false;
        }
        try (Environment environment = Environment.open(root, Faults.NONE, console)) {
            Checks checks = new Checks(environment);
            console.line("What the dead run left of " + AGENT + " (nothing undoes it until a recovery runs):");
            List<Checks.Finding> left = checks.lookFor(AGENT);
            print(left);
            Optional<Integer> port = left.stream().filter(f -> f.what().equals("port") && f.present())
                    .map(f -> Integer.parseInt(f.detail().substring(f.detail().lastIndexOf(':') + 1))).findFirst();
            console.line("Recovering: DurableRollback.recover() on " + environment.root().resolve(Environment.JOURNAL)
                    + " (every command of this demo does it first):");
            List<RollbackReport> reports = environment.recover();
            boolean complete = RootCommand.printRecovered(reports, console) && !reports.isEmpty();
            console.line("What remains of " + AGENT + " after recovery (none expected):");
            List<Checks.Finding> remaining = checks.lookFor(AGENT, port);
            print(remaining);
            boolean nothing = remaining.stream().noneMatch(Checks.Finding::present);
            boolean ok = complete && nothing && left.stream().anyMatch(Checks.Finding::present);
            console.line(ok ? "Crash recovered: nothing of " + AGENT + " remains." : "Crash demo FAILED: see above.");
            return ok;
        }
    }

    private void print(List<Checks.Finding> findings) {
        for (Checks.Finding finding : findings) {
            console.line(String.format("  %-10s %-8s %s", finding.what(), finding.present() ? "LEFT" : "none",
                    finding.detail()));
        }
    }

    /** This program again, with the same weaving: the class path and, under the agent, the same {@code -javaagent}. */
    private List<String> childCommand() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("-javaagent:")).forEach(command::add);
        command.add("-cp");
        command.add(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator)));
        command.addAll(List.of(RollbackDemo.class.getName(), "--root", root.toString(), "create", AGENT, "--crash-at",
                step.cliName()));
        return command;
    }
}
