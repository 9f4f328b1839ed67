package dev.rollback.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ChildListsTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void readsFromLinuxChildListsTheSameChildrenAsTheJdksScanOfEveryProcess() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/thread-self/children")), "this kernel lists no children in /proc");
        Process root = new ProcessBuilder("sh", "-c", "sh -c 'sleep 60 & sleep 60 & wait' & sleep 60 & wait")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> root.descendants().count() == 4);
            List<ProcessHandle> members = Stream.concat(Stream.of(root.toHandle()), root.descendants()).toList();

            assertThat(members).allSatisfy(member -> assertThat(ChildLists.listed(member))
                    .as("children of %d", member.pid())
                    .containsExactlyInAnyOrderElementsOf(member.children().toList()));
            assertThat(ChildLists.listed(root.toHandle())).hasSize(2);
            assertThat(ChildLists.listed(ProcessHandle.current())).contains(root.toHandle());
        } finally {
            ProcessTrees.destroy(root.toHandle(), Duration.ZERO).run();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void hasNoChildrenForAProcessThatIsGone() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();

        assertThat(ChildLists.of(ended.toHandle())).isEmpty();
    }
}
