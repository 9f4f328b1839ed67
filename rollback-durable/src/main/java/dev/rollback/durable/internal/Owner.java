package dev.rollback.durable.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Who writes a scope's entries: one open journal of one process. The id is drawn at random when the
 * journal opens, so a process that dies never comes back as the same owner, even with a reused pid.
 *
 * @param id           16 random bytes, hexadecimal
 * @param pid          the process's pid
 * @param processStart the process's start instant; {@code null} when the platform does not tell
 * @param machine      where the pid means something: the boot and pid namespace on Linux
 *                     ({@link #thisMachine()}), else the host name
 */
public record Owner(String id, long pid, Instant processStart, String machine) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String THIS_MACHINE = machineKey();

    /** @throws NullPointerException when {@code id} or {@code machine} is {@code null} */
    public Owner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(machine, "machine");
    }

    /** @return a new owner for a journal opened now by this process */
    public static Owner draw() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        ProcessHandle self = ProcessHandle.current();
        return new Owner(HexFormat.of().formatHex(bytes), self.pid(), self.info().startInstant().orElse(null), THIS_MACHINE);
    }

    /**
     * @return the key of the pid space this process lives in: Linux's boot id and pid namespace
     *         (two containers on one host differ), else the host name; pids of owners with the
     *         same key can be checked with {@link ProcessHandle}
     */
    public static String thisMachine() {
        return THIS_MACHINE;
    }

    /**
     * @return whether this owner's process runs now, judged by pid and start instant; meaningful
     *         only when {@link #machine()} is {@link #thisMachine()}
     */
    public boolean processRuns() {
        return processStart != null && ProcessHandle.of(pid)
                .flatMap(process -> process.info().startInstant()).filter(processStart::equals).isPresent();
    }

    private static String machineKey() {
        try {
            String boot = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim();
            String namespace = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
            return "linux:" + boot + ":" + namespace;
        } catch (IOException | UnsupportedOperationException e) {
            try {
                return "host:" + java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException unknown) {
                return "host:" + System.getProperty("user.name") + "@unknown";
            }
        }
    }

    @Override
    public String toString() {
        return "owner " + id + " (pid " + pid + ", started " + processStart + ")";
    }
}
