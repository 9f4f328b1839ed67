package dev.rollback.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One phase of {@link ProcessTrees}, graceful or forcible: it signals a process only once none of
 * its children runs any more nor waits to be reaped, so that each process ends while its parent
 * is alive to reap it. It looks at the tree again whenever a member's state changes, and at least
 * every {@link #RESCAN_NANOS}, so that processes started meanwhile are signalled too.
 *
 * <p>A parent that starts a new child each time one of its children is ended (a supervisor) would
 * never become a leaf: once it has done so {@link #RESTARTS_BEFORE_ASKING_THE_PARENT} times, it is
 * signalled before its children, so that it starts no more, and the children it orphans stay in
 * reach (they may then be left as zombies by an init that does not reap).
 */
final class LeavesFirst {

    /** A grace that never runs out: the forcible phase waits until the tree has ended. */
    static final long NO_LIMIT = Long.MAX_VALUE;

    static final int RESTARTS_BEFORE_ASKING_THE_PARENT = 3;

    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long RESCAN_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final ProcessHandle root;
    private final Consumer<ProcessHandle> signal;
    private final Set<ProcessHandle> known;
    private final Reaping reaping;
    private final Set<ProcessHandle> signalled = new HashSet<>();
    private final Set<ProcessHandle> parentsOfSignalled = new HashSet<>();
    private final Map<ProcessHandle, Integer> restarts = new HashMap<>();

    /**
     * @param known   the processes seen so far in this run, shared by its phases
     * @param reaping the zombies seen so far in this run, shared by its phases
     */
    LeavesFirst(ProcessHandle root, Consumer<ProcessHandle> signal, Set<ProcessHandle> known, Reaping reaping) {
        this.root = root;
        this.signal = signal;
        this.known = known;
        this.reaping = reaping;
    }

    /**
     * @param limitNanos how long this phase may last; {@link #NO_LIMIT} for no limit
     * @return whether the tree has ended; {@code false} when the time ran out first
     */
    boolean run(long limitNanos) throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            ProcessTree tree = ProcessTree.look(root, known, reaping);
            if (tree.ended()) {
                return true;
            }
            due(tree).forEach(signal);
            if (!awaitChange(tree, start, limitNanos)) {
                return false;
            }
        }
    }

    /**
     * @return the members to signal now: the parents that keep replacing their children, so that
     *         they start no more, then the members with no child left, deepest first; they count as
     *         signalled from now on
     */
    private List<ProcessHandle> due(ProcessTree tree) {
        countRestarts(tree);
        List<ProcessHandle> running = tree.running();
        running.removeAll(signalled);
        List<ProcessHandle> due = new ArrayList<>();
        for (ProcessHandle member : running) {
            if (restarts.getOrDefault(member, 0) >= RESTARTS_BEFORE_ASKING_THE_PARENT) {
                due.add(member);
            }
        }
        for (ProcessHandle member : running) {
            if (!due.contains(member) && tree.hasNoChildLeft(member) && hasNoChildNow(member)) {
                due.add(member);
            }
        }
        for (ProcessHandle member : due) {
            signalled.add(member);
            ProcessHandle parent = tree.parentOf(member);
            if (parent != null) {
                parentsOfSignalled.add(parent);
            }
        }
        return due;
    }

    /** A child that appears under a parent after one of its children was signalled replaces it. */
    private void countRestarts(ProcessTree tree) {
        for (ProcessHandle newcomer : tree.newcomers()) {
            ProcessHandle parent = tree.parentOf(newcomer);
            if (parent != null && parentsOfSignalled.contains(parent)) {
                restarts.merge(parent, 1, Integer::sum);
            }
        }
    }

    /**
     * The look listed the member's children before it judged their states: a child started in
     * between (a replacement for one that ended) was not listed. So its children are listed again,
     * after their states were judged, right before it is signalled.
     */
    private boolean hasNoChildNow(ProcessHandle member) {
        return ChildLists.of(member).stream().allMatch(child -> reaping.of(child) == Reaping.State.ENDED);
    }

    /** @return {@code false} when the phase's time ran out before the tree changed or the rescan came due */
    private boolean awaitChange(ProcessTree tree, long start, long limitNanos) throws InterruptedException {
        long rescanAt = System.nanoTime() + RESCAN_NANOS;
        long pause = FIRST_PAUSE_NANOS;
        while (!tree.changed(reaping)) {
            long now = System.nanoTime();
            long left = limitNanos == NO_LIMIT ? Long.MAX_VALUE : limitNanos - (now - start);
            if (left <= 0) {
                return false;
            }
            if (now - rescanAt >= 0) {
                return true;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(pause, Math.min(left, rescanAt - now)));
            pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
        }
        return true;
    }
}
