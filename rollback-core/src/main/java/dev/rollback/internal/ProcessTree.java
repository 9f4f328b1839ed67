package dev.rollback.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One look at a process tree while {@link ProcessTrees} ends it: the root and its descendants, plus
 * every process seen in an earlier look that still runs although it left the tree (orphaned when a
 * parent ended before it) and its own descendants; each with its state and its parent among them.
 * A zombie that left the tree is not waited for: its parent is now an init, not one of ours.
 * Every handle comes from the root's handle, directly or through such a look, never from a bare pid.
 */
final class ProcessTree {

    private final Map<ProcessHandle, Reaping.State> states;
    private final Map<ProcessHandle, ProcessHandle> parents;
    private final Set<ProcessHandle> waitingParents;
    private final Set<ProcessHandle> newcomers;

    private ProcessTree(Map<ProcessHandle, Reaping.State> states, Map<ProcessHandle, ProcessHandle> parents,
                        Set<ProcessHandle> waitingParents, Set<ProcessHandle> newcomers) {
        this.states = states;
        this.parents = parents;
        this.waitingParents = waitingParents;
        this.newcomers = newcomers;
    }

    /**
     * @param known every process seen so far in this run; the look adds the new ones
     */
    static ProcessTree look(ProcessHandle root, Set<ProcessHandle> known, Reaping reaping) {
        Map<ProcessHandle, ProcessHandle> parents = new LinkedHashMap<>();
        Map<Long, ProcessHandle> byPid = new LinkedHashMap<>();
        addWithDescendants(byPid, parents, root);
        for (ProcessHandle seen : known) {
            if (!byPid.containsKey(seen.pid()) && reaping.of(seen) == Reaping.State.RUNNING) {
                addWithDescendants(byPid, parents, seen);
            }
        }
        Map<ProcessHandle, Reaping.State> states = new LinkedHashMap<>();
        Set<ProcessHandle> newcomers = new HashSet<>();
        for (ProcessHandle member : byPid.values()) {
            states.put(member, reaping.of(member));
            if (known.add(member)) {
                newcomers.add(member);
            }
        }
        Set<ProcessHandle> waitingParents = new HashSet<>();
        parents.forEach((child, parent) -> {
            if (states.get(child) != Reaping.State.ENDED) {
                waitingParents.add(parent);
            }
        });
        return new ProcessTree(states, parents, waitingParents, newcomers);
    }

    /**
     * Walks down from {@code top}. A process that is gone is not looked into: its pid may already
     * belong to another process.
     */
    private static void addWithDescendants(Map<Long, ProcessHandle> byPid, Map<ProcessHandle, ProcessHandle> parents,
                                           ProcessHandle top) {
        if (!top.isAlive() || byPid.putIfAbsent(top.pid(), top) != null) {
            return;
        }
        Deque<ProcessHandle> toVisit = new ArrayDeque<>(List.of(top));
        while (!toVisit.isEmpty()) {
            ProcessHandle parent = toVisit.removeFirst();
            for (ProcessHandle child : ChildLists.of(parent)) {
                if (byPid.putIfAbsent(child.pid(), child) == null) {
                    parents.put(child, parent);
                    toVisit.addLast(child);
                }
            }
        }
    }

    /** @return whether every member has ended */
    boolean ended() {
        return states.values().stream().allMatch(Reaping.State.ENDED::equals);
    }

    /** @return whether a member's state differs now from what this look saw */
    boolean changed(Reaping reaping) {
        for (Map.Entry<ProcessHandle, Reaping.State> member : states.entrySet()) {
            if (member.getValue() != Reaping.State.ENDED && reaping.of(member.getKey()) != member.getValue()) {
                return true;
            }
        }
        return false;
    }

    /** @return the members that run code, deepest first */
    List<ProcessHandle> running() {
        List<ProcessHandle> running = new ArrayList<>();
        states.forEach((member, state) -> {
            if (state == Reaping.State.RUNNING) {
                running.add(member);
            }
        });
        running.sort(Comparator.comparingInt(this::depth).reversed());
        return running;
    }

    /** @return whether no child of this member runs or waits to be reaped by it */
    boolean hasNoChildLeft(ProcessHandle member) {
        return !waitingParents.contains(member);
    }

    /** @return the member's parent, when that parent is a member too */
    ProcessHandle parentOf(ProcessHandle member) {
        return parents.get(member);
    }

    /** @return the members this look saw for the first time in the run */
    Set<ProcessHandle> newcomers() {
        return newcomers;
    }

    private int depth(ProcessHandle member) {
        int depth = 0;
        for (ProcessHandle up = parents.get(member); up != null && depth < states.size(); up = parents.get(up)) {
            depth++;
        }
        return depth;
    }
}
