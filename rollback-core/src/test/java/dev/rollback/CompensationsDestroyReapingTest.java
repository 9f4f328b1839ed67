package dev.rollback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link Compensations#destroy} ends a tree leaves first, so that every process it ends is reaped by
 * its own parent, still alive at that moment. The trees run below a {@link NonReapingInit}, which
 * plays a container's first process that never reaps orphans: an orphan that ends there stays a
 * zombie, and {@link ProcessHandle#isAlive()} reports a zombie as alive. So these tests ask
 * {@code isAlive()} of every member, as a user would, and a tree ended parent first fails them.
 */
class CompensationsDestroyReapingTest {

    private static final Duration GRACE = Duration.ofMillis(300);
    private static final Duration SETTLE = Duration.ofSeconds(10);

    /** Four levels; the second branch ignores SIGTERM, so it outlives the grace and is forced. */
    private static final String TREE = "sh -c 'sleep 60 & sleep 60 & wait'"
            + " & sh -c 'trap \"\" TERM; sleep 60 & wait'"
            + " & sh -c 'sh -c \"sleep 60 & wait\" & wait'"
            + " & wait; read line";

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aZombieLooksAliveThroughProcessHandleWhichIsWhatTheseTestsRelyOn() throws Exception {
        ProcessHandle zombie;
        try (NonReapingInit init = NonReapingInit.start("sh -c 'exit 0' & exec sleep 60")) {
            ProcessHandle parent = init.child();
            await().atMost(SETTLE).until(() -> parent.children().anyMatch(p -> NonReapingInit.state(p).equals("Z")));
            zombie = parent.children().findFirst().orElseThrow();

            assertThat(zombie.isAlive()).as("isAlive() of zombie %d", zombie.pid()).isTrue();
        }
        assertThat(zombie.isAlive()).as("isAlive() of %d once reaped", zombie.pid()).isFalse();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void endsATreeLeavesFirstSoEveryMemberIsReapedByItsOwnParentEvenUnderAnInitThatNeverReaps() throws Exception {
        try (NonReapingInit init = NonReapingInit.start(TREE)) {
            ProcessHandle root = init.child();
            await().atMost(SETTLE).until(() -> root.descendants().count() == 8);
            List<ProcessHandle> members = Stream.concat(Stream.of(root), root.descendants()).toList();
            Map<ProcessHandle, String> described = members.stream().collect(Collectors.toMap(Function.identity(),
                    p -> p.pid() + " (" + p.info().commandLine().orElse("?") + ", parent "
                            + p.parent().map(ProcessHandle::pid).orElse(-1L) + ")"));

            Compensations.destroy(root, GRACE);

            assertThat(members).allSatisfy(member -> assertThat(member.isAlive())
                    .as("isAlive() of %s, /proc state now %s", described.get(member), NonReapingInit.state(member))
                    .isFalse());
            assertThat(init.handle().children().map(ProcessHandle::pid)).as("orphans the init adopted").isEmpty();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void countsAChildItsParentNeverReapsAsEndedAndEndsTheParentAfterIt() throws Exception {
        try (NonReapingInit init = NonReapingInit.start("sleep 60 & exec sleep 61")) {
            ProcessHandle parent = init.child();
            await().atMost(SETTLE).until(() -> parent.children().count() == 1
                    && parent.info().commandLine().orElse("").endsWith("sleep 61"));
            ProcessHandle child = parent.children().findFirst().orElseThrow();

            Compensations.destroy(parent, GRACE);

            assertThat(parent.isAlive()).as("isAlive() of the parent").isFalse();
            assertThat(NonReapingInit.state(child)).as("state of the child its parent never reaped").isEqualTo("Z");
            assertThat(child.parent().map(ProcessHandle::pid)).as("the zombie went to the init").contains(init.handle().pid());
        }
    }

    /**
     * A supervisor that is never without a child: it learns that its child ended (a pipe reaches
     * end of file), starts the replacement, and only then reaps the one that ended.
     */
    private static final String SUPERVISOR = String.join("\n",
            "sub start { pipe(my $ended, my $alive) or die; my $pid = fork() // die;",
            "  if ($pid == 0) { close $ended; sleep 60; exit 0 } close $alive; ($pid, $ended) }",
            "my ($pid, $ended) = start();",
            "while (1) { readline($ended); my ($next, $next_ended) = start(); waitpid($pid, 0); ($pid, $ended) = ($next, $next_ended) }");

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void endsAParentThatRestartsItsChildBeforeReapingTheOneThatEnded() throws Exception {
        try (NonReapingInit init = NonReapingInit.start("exec perl -e \"$0\"", SUPERVISOR)) {
            ProcessHandle parent = init.child();
            await().atMost(SETTLE).until(() -> parent.children().count() == 1);

            Compensations.destroy(parent, GRACE);

            assertThat(parent.isAlive()).as("isAlive() of the restarting parent").isFalse();
            assertThat(init.handle().descendants().map(p -> p.pid() + " " + NonReapingInit.state(p)))
                    .as("what still runs below the init (a zombie Z has ended)").allMatch(p -> p.endsWith(" Z"));
        }
    }
}
