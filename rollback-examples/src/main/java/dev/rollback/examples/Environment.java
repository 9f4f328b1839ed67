package dev.rollback.examples;

import dev.rollback.Rollback;
import dev.rollback.RollbackReport;
import dev.rollback.audit.AuditListener;
import dev.rollback.durable.DurableRollback;
import dev.rollback.durable.Journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything a command works with under one root directory: the agents' workspaces, the registry
 * database, the audit journal, the durable scopes' journal ({@code <root>/journal}, installed while
 * it is open), and the step services. Closing it closes the databases and the journals.
 */
final class Environment implements AutoCloseable {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final Path root;
    private final Console console;
    private final Registry registry;
    private final Workspaces workspaces;
    private final Ports ports;
    private final Workers workers;
    private final Windows windows;
    private final Tmux tmuxServer;
    private final boolean tmux;
    private final AuditListener audit;
    private final Faults faults;
    private final Journal journal;

    private Environment(Path root, Faults faults, Console console) throws IOException, SQLException {
        this.root = root;
        this.console = console;
        Path agents = Files.createDirectories(root.resolve("agents"));
        this.registry = new Registry(root, faults, console);
        this.workspaces = new Workspaces(agents, faults, console);
        this.ports = new Ports(faults, console);
        this.workers = new Workers(faults, console);
        this.tmuxServer = new Tmux(root);
        this.windows = new Windows(tmuxServer, faults, console);
        this.tmux = Tmux.available();
        this.audit = AuditListener.open(root.resolve("audit.jsonl"));
        Rollback.addListener(audit);
        this.faults = faults;
        this.journal = Journal.file(root.resolve(JOURNAL));
        Map<Class<?>, Object> steps = Map.of(Workspaces.class, workspaces, Registry.class, registry, Ports.class, ports,
                Workers.class, workers, Windows.class, windows);
        DurableRollback.install(journal, type -> {
            Object step = steps.get(type);
            if (step == null) {
                throw new IllegalStateException("the demo has no " + type.getName() + " to recover with; accepted: "
                        + steps.keySet().stream().map(Class::getSimpleName).sorted().toList());
            }
            return step;
        });
    }

    /** The directory of the durable scopes' journal, under the root. */
    static final String JOURNAL = "journal";

    /**
     * Undoes what dead runs under this root left: the agents whose creation was killed half-way.
     *
     * @return a report per scope recovered or tried; empty when nothing was left
     */
    List<RollbackReport> recover() {
        return DurableRollback.recover();
    }

    /**
     * Opens the root, creating it when missing.
     *
     * @throws UsageError when the root cannot be used; nothing is created then
     */
    static Environment open(Path root, Faults faults, Console console) throws IOException, SQLException {
        Path absolute = root.toAbsolutePath().normalize();
        check(absolute);
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new UsageError("cannot use " + absolute + " as root: " + e
                    + "; accepted: a writable directory, or a path that can be created");
        }
        return new Environment(absolute, faults, console);
    }

    private static void check(Path root) {
        Path existing = root;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new UsageError("cannot use " + root + " as root: " + (existing == null ? "no part of it exists"
                    : existing + (Files.isDirectory(existing) ? " is not writable" : " is not a directory"))
                    + "; accepted: a writable directory, or a path that can be created");
        }
    }

    /**
     * @throws UsageError when the name is not a safe file name
     */
    static String checkName(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new UsageError("'" + name + "' is not a safe agent name; accepted: a lower-case letter, then up to 31"
                    + " lower-case letters, digits or '-'");
        }
        return name;
    }

    AgentFactory factory() {
        return new AgentFactory(workspaces, registry, ports, workers, tmux ? windows : null, faults);
    }

    Path root() {
        return root;
    }

    Console console() {
        return console;
    }

    Registry registry() {
        return registry;
    }

    Workspaces workspaces() {
        return workspaces;
    }

    Ports ports() {
        return ports;
    }

    Workers workers() {
        return workers;
    }

    Windows windows() {
        return windows;
    }

    boolean tmux() {
        return tmux;
    }

    /** @return the root's own tmux server */
    Tmux tmuxServer() {
        return tmuxServer;
    }

    AuditListener audit() {
        return audit;
    }

    @Override
    public void close() throws IOException, SQLException {
        DurableRollback.uninstall(journal);
        Rollback.removeListener(audit);
        try {
            journal.close();
        } finally {
            try {
                audit.close();
            } finally {
                registry.close();
            }
        }
    }

    /** Bad input: reported in one line, with exit code 2, before anything is created. */
    static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }
}
