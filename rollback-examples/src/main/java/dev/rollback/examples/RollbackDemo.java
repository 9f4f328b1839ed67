package dev.rollback.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The example's command line: {@code demo}, {@code create NAME [--crash-at STEP]}, {@code list},
 * {@code destroy NAME}, {@code recover}, {@code verify-audit}.
 */
@Command(name = "rollback-demo", mixinStandardHelpOptions = true, version = "rollback-demo 0.1.0-SNAPSHOT",
        description = "Creates agents on real resources with Rollback, and shows that a failed one leaves nothing behind.",
        subcommands = {DemoCommand.class, CreateCommand.class, ListCommand.class, DestroyCommand.class,
                RecoverCommand.class, VerifyAuditCommand.class, CommandLine.HelpCommand.class})
public final class RollbackDemo {

    @Option(names = "--root", defaultValue = "rollback-demo", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where agents, the registry database and the audit journal live (default: ${DEFAULT-VALUE}).")
    Path root;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs a command line.
     *
     * @return the exit code: 0 done, 1 failed (residue found, rollback incomplete, ...), 2 bad input
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new RollbackDemo());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.registerConverter(Step.class, text -> {
            try {
                return Step.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        });
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            err.println("rollback-demo: " + e.getMessage());
            return 2;
        });
        commandLine.setExecutionExceptionHandler((e, command, parsed) -> {
            err.println("rollback-demo: " + e.getMessage());
            return e instanceof Environment.UsageError ? 2 : 1;
        });
        return commandLine.execute(args);
    }
}
