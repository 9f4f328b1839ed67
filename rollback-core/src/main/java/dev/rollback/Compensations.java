package dev.rollback;

import dev.rollback.internal.ProcessTrees;
import dev.rollback.internal.TreeDeletion;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Built-in undo actions for the resources an orchestrator acquires. {@code deleteTree},
 * {@code destroy} and {@code close} undo at once, so they fit in a compensation's lambda or a
 * compensating method; {@code restore} takes a snapshot now and returns the {@link Compensation}
 * that puts it back:
 *
 * <pre>{@code
 * try (RollbackScope scope = Rollback.begin("create-agent")) {
 *     Path dir = Files.createDirectory(root.resolve("agent-7"));
 *     Rollback.register("remove " + dir, 60, () -> Compensations.deleteTree(dir, root));
 *     Process agent = new ProcessBuilder("agent", dir.toString()).start();
 *     ProcessHandle handle = agent.toHandle();
 *     Rollback.register("stop agent " + agent.pid(), 50, () -> Compensations.destroy(handle, Duration.ofSeconds(5)));
 *     Rollback.register("restore settings", Compensations.restore(settings));
 *     scope.commit();
 * }
 * }</pre>
 *
 * Every action here is idempotent: running it again after it succeeded does nothing.
 */
public final class Compensations {

    private Compensations() {
    }

    /**
     * Deletes a file, a symbolic link or a directory tree that lies strictly inside {@code root}.
     *
     * <p>Both paths are made absolute and normalised ({@code .} and {@code ..} removed by name,
     * without consulting the file system); the target must then lie strictly below the root. The
     * root itself is opened as given (it may be a link, such as {@code /tmp} on some systems), but
     * nothing below it is ever followed: the walk opens each directory relative to the handle of
     * its parent, refusing to open a link ({@link java.nio.file.SecureDirectoryStream} where the
     * file system provides one, as on Linux). A symbolic link met inside the tree is removed,
     * never its target. A directory swapped for a link while the deletion runs is not entered.
     *
     * <p>A target that does not exist (already deleted, or never created) counts as deleted: the
     * compensation returns quietly, so it may run twice.
     *
     * <p>An entry swapped, during the walk, for a named pipe after it was seen as a directory makes
     * the walk wait for a writer of that pipe: bound the wait with a compensation timeout when other
     * parties can write inside {@code root}.
     *
     * <p>Where the file system has no secure directory stream, the walk checks every entry with
     * {@link java.nio.file.LinkOption#NOFOLLOW_LINKS} before entering it: links are still never
     * followed on purpose, but a directory swapped for a link between that check and its use can
     * be entered.
     *
     * @param target the file or directory to delete
     * @param root   the directory that confines the deletion
     * @throws java.io.IOException      naming the entry that could not be deleted
     * @throws IllegalStateException    when a directory on the way from {@code root} to {@code target}
     *                                  is a symbolic link; nothing is deleted then
     * @throws NullPointerException     when {@code target} or {@code root} is {@code null}
     * @throws IllegalArgumentException when {@code target} is {@code root} itself or not strictly
     *                                  inside it; the message names both paths and the rule, and
     *                                  nothing is deleted
     */
    public static void deleteTree(Path target, Path root) throws java.io.IOException {
        TreeDeletion.of(Objects.requireNonNull(target, "target"), Objects.requireNonNull(root, "root")).run();
    }

    /**
     * Ends a process and all its descendants, leaves first: a process is asked to stop only once
     * none of its children runs any more, so that each process ends while its parent is alive to
     * reap it. No zombie is left behind then, even where orphans would go to a first process that
     * never reaps them (a container whose first process is the JVM itself).
     *
     * <p>In the graceful phase each process, once its children have ended and been reaped, is asked
     * to stop ({@link ProcessHandle#destroy()}, SIGTERM on Unix). Once {@code grace} has passed, the
     * processes still running, including those never asked because a descendant outlived the grace,
     * are forced ({@link ProcessHandle#destroyForcibly()}, SIGKILL), leaves first again, and the call
     * returns once every one of them has ended and been reaped: {@link ProcessHandle#isAlive()} then
     * says {@code false} for each process of the tree whose parent reaps its children.
     *
     * <p>The tree is looked at again whenever one of its processes ends, and at least every 200 ms,
     * so that children started meanwhile (by a shell's trap, say) are ended too, before their parent.
     * A parent that replaces each child as soon as it ends (a supervisor) would never be childless:
     * once it has done so three times in a phase, it is signalled before its children, so that it
     * starts no more; the children it then orphans are still ended, but an init that does not reap
     * leaves them as zombies. Processes orphaned before the compensation runs (their parent already
     * ended) are out of reach: keep a handle of each process you start. Only handles are signalled,
     * never bare pids: a {@code ProcessHandle} carries its process's start instant, and the JDK
     * signals nothing when the pid now belongs to a process that started at another instant, so a
     * pid reused by an unrelated process is never touched. A process that already ended is skipped.
     *
     * <p>A process that has exited but has not been reaped yet (a zombie, read on Linux from
     * {@code /proc/<pid>/stat}) gives its parent one second to reap it before that parent is asked
     * to stop; a zombie still there after that belongs to a parent that does not reap, and counts as
     * ended: it runs no code any more. On Linux each look reads the tree's own child lists
     * ({@code /proc/<pid>/task/<tid>/children}), so that it costs in proportion to the tree rather
     * than to the machine's process table.
     *
     * <p>The final wait has no limit of its own; bound it with a compensation timeout
     * ({@link Rollback#register(String, int, Duration, int, Compensation)}), which interrupts it.
     *
     * @param process the handle taken when the process was started ({@link Process#toHandle()})
     * @param grace   how long the graceful phase may last before the processes still running are
     *                forced; zero forces at once
     * @throws InterruptedException     when interrupted while waiting
     * @throws NullPointerException     when {@code process} or {@code grace} is {@code null}
     * @throws IllegalArgumentException when {@code grace} is negative, or {@code process} is the
     *                                  current JVM
     */
    public static void destroy(ProcessHandle process, Duration grace) throws InterruptedException {
        ProcessTrees.destroy(Objects.requireNonNull(process, "process"), Objects.requireNonNull(grace, "grace")).run();
    }

    /**
     * Closes a resource.
     *
     * @param resource what to close; whether closing twice is harmless is up to the resource
     * @throws Exception            what {@link AutoCloseable#close()} throws
     * @throws NullPointerException when {@code resource} is {@code null}
     */
    public static void close(AutoCloseable resource) throws Exception {
        Objects.requireNonNull(resource, "resource").close();
    }

    /**
     * Takes a snapshot of a map's entries now and returns the compensation that puts them back:
     * it clears the map and puts the snapshot's entries in, in the order they were iterated. The
     * snapshot is a shallow copy: keys and values are shared, not copied. The compensation is not
     * atomic with respect to other threads writing the map; hold their lock around the rollback.
     *
     * @param map the map to restore
     * @param <K> its keys
     * @param <V> its values
     * @return the compensation; it throws what the map's {@code clear} and {@code putAll} throw,
     *         such as {@link UnsupportedOperationException} for an unmodifiable map
     * @throws NullPointerException when {@code map} is {@code null}
     */
    public static <K, V> Compensation restore(Map<K, V> map) {
        Objects.requireNonNull(map, "map");
        Map<K, V> snapshot = new LinkedHashMap<>(map);
        return () -> {
            map.clear();
            map.putAll(snapshot);
        };
    }

    /**
     * Takes a snapshot of a collection's elements now and returns the compensation that puts them
     * back: it clears the collection and adds the snapshot's elements, in the order they were
     * iterated (so a list gets its order back). The snapshot is shallow, and the compensation is
     * not atomic with respect to other threads writing the collection.
     *
     * @param collection the collection to restore
     * @param <E>        its elements
     * @return the compensation; it throws what the collection's {@code clear} and {@code addAll}
     *         throw, such as {@link UnsupportedOperationException} for an unmodifiable collection
     * @throws NullPointerException when {@code collection} is {@code null}
     */
    public static <E> Compensation restore(Collection<E> collection) {
        Objects.requireNonNull(collection, "collection");
        List<E> snapshot = new ArrayList<>(collection);
        return () -> {
            collection.clear();
            collection.addAll(snapshot);
        };
    }
}
