package dev.rollback.examples;

import picocli.CommandLine.Command;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * Lists the agents in the registry, and whether each of their resources is really there.
 */
@Command(name = "list", description = "List the agents, checking each resource for real.")
final class ListCommand extends RootCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Console console = console();
        try (Environment environment = open(Faults.NONE, console)) {
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
