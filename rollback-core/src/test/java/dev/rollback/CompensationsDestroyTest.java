package dev.rollback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class CompensationsDestroyTest {

    private static final int TREES = 100;
    private static final Duration GRACE = Duration.ofMillis(300);
    /** The shell outlives its children (it then reads a stdin that never ends), so it is asked in turn. */
    private static final String PLAIN = "sleep 60 & sleep 60 & wait; read line";
    /** The children inherit the ignored SIGTERM, so the whole tree outlives the grace and is forced. */
    private static final String IGNORES_TERM = "trap '' TERM; sleep 60 & sleep 60 & wait; read line";

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void endsAHundredProcessTreesLeavesFirstSoEveryMemberIsReapedIncludingShellsThatIgnoreSigterm() throws Exception {
        List<Process> roots = new ArrayList<>();
        try {
            for (int i = 0; i < TREES; i++) {
                roots.add(start(i % 2 == 0 ? PLAIN : IGNORES_TERM));
            }
            List<ProcessHandle> everyone = new ArrayList<>();
            for (Process root : roots) {
                await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(30)).until(() -> root.descendants().count() == 2);
                everyone.add(root.toHandle());
                root.descendants().forEach(everyone::add);
            }
            ExecutorService pool = Executors.newFixedThreadPool(25);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (Process root : roots) {
                    ProcessHandle handle = root.toHandle();
                    Compensation destroy = () -> Compensations.destroy(handle, GRACE);
                    runs.add(pool.submit(() -> {
                        destroy.run();
                        return null;
                    }));
                }
                for (Future<?> run : runs) {
                    run.get();
                }
            } finally {
                pool.shutdown();
            }

            assertThat(everyone).hasSize(3 * TREES).allSatisfy(handle ->
                    assertThat(handle.isAlive()).as("isAlive() of %d (a zombie is alive)", handle.pid()).isFalse());
            for (int i = 0; i < TREES; i++) {
                assertThat(roots.get(i).waitFor()).as("exit status of tree %d", i)
                        .isEqualTo(i % 2 == 0 ? 128 + 15 : 128 + 9);
            }
        } finally {
            roots.forEach(Process::destroyForcibly);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void forcesAtOnceWhenTheGraceIsZero() throws Exception {
        Process root = start(PLAIN);
        await().atMost(Duration.ofSeconds(10)).until(() -> root.descendants().count() == 2);
        List<ProcessHandle> children = root.descendants().toList();

        Compensations.destroy(root.toHandle(), Duration.ZERO);

        assertThat(root.waitFor()).isEqualTo(128 + 9);
        assertThat(children).allSatisfy(child -> assertThat(child.isAlive()).as("isAlive() of %d", child.pid()).isFalse());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void alsoEndsChildrenStartedDuringTheGracePeriod() throws Exception {
        String marker = "607" + ProcessHandle.current().pid();
        // asked once its child ended, the shell starts a child that ignores SIGTERM, and waits for it
        Process root = start("trap 'trap \"\" TERM; sleep " + marker + " & wait' TERM; sleep 60 & wait; read line");
        await().atMost(Duration.ofSeconds(10)).until(() -> root.descendants().count() == 1);

        Compensations.destroy(root.toHandle(), GRACE);

        assertThat(root.isAlive()).as("isAlive() of the shell").isFalse();
        List<ProcessHandle> late = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("sleep " + marker))
                .filter(ProcessHandle::isAlive)
                .toList();
        assertThat(late).isEmpty();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void returnsQuietlyForAProcessThatAlreadyEndedSoItCanRunTwice() throws Exception {
        Process root = start("exit 3");
        assertThat(root.waitFor()).isEqualTo(3);
        Compensation destroy = () -> Compensations.destroy(root.toHandle(), GRACE);

        destroy.run();
        destroy.run();

        assertThat(root.toHandle().isAlive()).isFalse();
    }

    @Test
    void refusesANegativeGraceAndTheCurrentJvm() {
        ProcessHandle self = ProcessHandle.current();

        assertThatThrownBy(() -> Compensations.destroy(self, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("destroy(" + self.pid() + ", grace PT-0.001S): the grace period is negative;"
                        + " accepted: Duration.ZERO or more");
        assertThatThrownBy(() -> Compensations.destroy(self, GRACE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("destroy(" + self.pid() + ", grace PT0.3S): that is the current JVM;"
                        + " accepted: a process this JVM started");
    }

    @Test
    void namesTheNullParameter() {
        assertThatThrownBy(() -> Compensations.destroy(null, GRACE))
                .isInstanceOf(NullPointerException.class).hasMessage("process");
        assertThatThrownBy(() -> Compensations.destroy(ProcessHandle.current(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("grace");
    }

    private static Process start(String script) throws IOException {
        return new ProcessBuilder("sh", "-c", script).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
