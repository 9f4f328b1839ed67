package dev.rollback.examples;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * Lists the agents in the registry, and whether each of their resources is really there.
 */
@Command(name = "list", description = "List the agents, checking each resource for real.")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    RollbackDemo parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Console console = new Console(spec.commandLine().getOut());
        try (Environment environment = Environment.open(parent.root, Faults.NONE, console)) {
            List<Registry.Row> rows = environment.registry().list();
            if (rows.isEmpty()) {
                console.line("no agents under " + environment.root());
            }
            Checks checks = new Checks(environment);
            for (Registry.Row row : rows) {
                StringBuilder line = new StringBuilder(row.name()).append(" (").append(row.state()).append(')');
                for (Checks.Finding finding : checks.lookFor(row.name())) {
                    line.append("  ").append(finding.what()).append(": ").append(finding.present() ? "present" : "MISSING")
                            .append(" [").append(finding.detail()).append(']');
                }
                console.line(line.toString());
            }
            return 0;
        }
    }
}
