package dev.rollback.examples;

import dev.rollback.Rollback;
import dev.rollback.audit.AuditListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Everything a command works with under one root directory: the agents' workspaces, the registry
 * database, the audit journal, and the step services. Closing it closes the database and the journal.
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
        return new AgentFactory(workspaces, registry, ports, workers, tmux ? windows : null);
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
        Rollback.removeListener(audit);
        try {
            audit.close();
        } finally {
            registry.close();
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
