package dev.rollback.recovery;

import dev.rollback.RollbackReport;
import dev.rollback.durable.DurableRollback;
import dev.rollback.durable.Journal;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A child JVM under the agent with a rules file, and no annotation anywhere: {@code run JOURNAL ROOT}
 * creates {@code ROOT/a} and {@code ROOT/b} in the scope a {@code with-rollback ... durable=true}
 * rule makes of {@link #run}, then halts inside it; {@code recover JOURNAL} recovers and prints each
 * report's outcomes.
 */
public final class RuledRun {

    private final RuledWorkspaces workspaces = new RuledWorkspaces();

    public static void main(String[] args) throws Exception {
        try (Journal journal = Journal.file(Path.of(args[1]))) {
            DurableRollback.install(journal);
            if (args[0].equals("run")) {
                new RuledRun().run(Path.of(args[2]));
            } else {
                List<RollbackReport> reports = DurableRollback.recover();
                System.out.println("RECOVERED " + reports.size() + reports.stream().map(report -> report.actions().stream()
                        .map(action -> " " + action.outcome() + action.error().map(e -> " " + e.getMessage()).orElse(""))
                        .collect(Collectors.joining())).collect(Collectors.joining()));
            }
        }
    }

    /** Made a durable scope by the rules file alone. */
    void run(Path root) throws Exception {
        workspaces.create(root.resolve("a"));
        workspaces.create(root.resolve("b"));
        System.out.println("HALTING");
        System.out.flush();
        Runtime.getRuntime().halt(137);
    }
}
