package dev.rollback;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for a container whose first process is the JVM: a process that reaps the child it
 * started, and never an orphan. It is a perl process made a child subreaper
 * ({@code prctl(PR_SET_CHILD_SUBREAPER)}, which Java cannot call), so every orphan of the tree below
 * it is reparented to it rather than to the machine's PID 1, which may or may not reap. It starts
 * {@code sh -c SCRIPT}, reaps that one child by its pid, and reaps the orphans it adopted only when
 * closed, after the test has looked: until then an orphan that ended stays a zombie, visibly.
 * Linux only (x86_64 and aarch64 without perl's {@code syscall.ph}).
 */
final class NonReapingInit implements AutoCloseable {

    private static final String PERL = String.join("\n",
            "use strict; use POSIX ();",
            "my $prctl = eval { require 'syscall.ph'; &SYS_prctl() } // { x86_64 => 157, aarch64 => 167 }->{(POSIX::uname())[4]};",
            "defined $prctl or die \"no prctl system call number for this machine\\n\";",
            "syscall($prctl, 36, 1, 0, 0, 0) == 0 or die \"prctl(PR_SET_CHILD_SUBREAPER): $!\\n\";",
            "my $pid = fork() // die \"fork: $!\\n\";",
            "if ($pid == 0) { exec('sh', '-c', @ARGV) or die \"exec sh: $!\\n\"; }",
            "$| = 1; print \"$pid\\n\";",
            "waitpid($pid, 0);",
            "my $held = <STDIN>;",
            "1 while waitpid(-1, 0) > 0;");

    private final Process perl;
    private final ProcessHandle child;

    private NonReapingInit(Process perl, ProcessHandle child) {
        this.perl = perl;
        this.child = child;
    }

    /**
     * Starts the stand-in and its child {@code sh -c script arguments...}; returns once the child runs.
     *
     * @param arguments {@code $0}, {@code $1}... of the script
     */
    static NonReapingInit start(String script, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("perl", "-e", PERL, script));
        command.addAll(List.of(arguments));
        Process perl = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(perl.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        if (line == null || !line.matches("\\d+")) {
            perl.destroyForcibly();
            throw new IllegalStateException("the non-reaping init (perl with prctl) did not start: it printed " + line
                    + "; needed: perl on Linux x86_64 or aarch64");
        }
        long pid = Long.parseLong(line);
        ProcessHandle child = perl.children().filter(p -> p.pid() == pid).findFirst().orElseThrow(
                () -> new IllegalStateException("child " + pid + " of the non-reaping init is gone before the test began"));
        return new NonReapingInit(perl, child);
    }

    /** @return the handle of {@code sh -c script}, taken from this process's children */
    ProcessHandle child() {
        return child;
    }

    /** @return this process, which orphans of {@link #child()}'s tree are reparented to */
    ProcessHandle handle() {
        return perl.toHandle();
    }

    /** @return the state letter of {@code /proc/<pid>/stat} ({@code Z} for a zombie), or "gone" */
    static String state(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"), StandardCharsets.ISO_8859_1);
            int afterName = stat.lastIndexOf(')');
            return stat.substring(afterName + 2, afterName + 3);
        } catch (IOException gone) {
            return "gone"; // reaped: its /proc entry went away with it
        }
    }

    /**
     * Forces what still runs below it (a failed test's leftovers), then lets it reap everything it
     * adopted and exit, so that no zombie outlives the test.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        perl.descendants().forEach(ProcessHandle::destroyForcibly);
        perl.getOutputStream().close();
        if (!perl.waitFor(10, TimeUnit.SECONDS)) {
            perl.destroyForcibly().waitFor();
            throw new AssertionError("the non-reaping init " + perl.pid() + " did not exit within 10 s of its stdin closing");
        }
    }
}
