package dev.rollback.durable.internal.jdbc;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for the tests: {@code initdb} on a temporary directory, started by
 * {@code pg_ctl} on a free loopback port, stopped and deleted once every test class of the run is
 * done (one cluster per test JVM). As root, the server runs as the {@code postgres} user, since
 * PostgreSQL refuses to run as root. Nothing is left running.
 */
public final class PostgresCluster implements BeforeAllCallback {

    /** Debian's server binaries; {@code .ci/run} installs {@code postgresql} where they are missing. */
    static final Path BIN = Path.of(System.getProperty("rollback.test.postgres.bin", "/usr/lib/postgresql/15/bin"));
    static final String USER = "rollback";

    private static Running running;

    /** A started cluster: where to connect. */
    public record Running(Path directory, int port) implements ExtensionContext.Store.CloseableResource {
        public String url(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        }

        @Override
        public void close() throws IOException, InterruptedException {
            try {
                run(List.of(BIN.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m", "fast",
                        "-w", "stop"), directory);
            } finally {
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
    }

    /** @return the cluster, started by the extension before the first test class that uses it */
    /** @return the user the tests connect as, with no password */
    public static String user() {
        return USER;
    }

    public static Running running() {
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (PostgresCluster.class) {
            if (running == null) {
                running = start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(PostgresCluster.class, running);
            }
        }
    }

    private static Running start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            throw new IllegalStateException(BIN.resolve("initdb") + " is missing: the JDBC journal's tests need"
                    + " PostgreSQL 15's server binaries; install Debian's postgresql (.ci/run does)");
        }
        Path directory = Files.createTempDirectory("rollback-postgres");
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", directory.toString()), directory);
        }
        int port = freePort();
        run(List.of(BIN.resolve("initdb").toString(), "-D", directory.resolve("data").toString(), "-U", USER, "-A",
                "trust", "-E", "UTF8", "--locale=C", "--no-sync"), directory);
        Running cluster = new Running(directory, port);
        run(List.of(BIN.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-l",
                directory.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-c listen_addresses=127.0.0.1 -p " + port + " -c unix_socket_directories=" + directory, "start"), directory);
        return cluster;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static void run(List<String> command, Path directory) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        if (command.get(0).equals("chown")) {
            full = command;
        }
        Path output = Files.createTempFile("rollback-postgres", ".log");
        try {
            Process process = new ProcessBuilder(full).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(String.join(" ", full) + " took more than 120 s: "
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " exited " + process.exitValue() + ": "
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
        } finally {
            Files.delete(output);
        }
    }
}
