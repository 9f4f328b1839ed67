package dev.rollback.durable.internal.file;

import dev.rollback.durable.JournalException;
import dev.rollback.durable.internal.Damage;
import dev.rollback.durable.internal.Entry;
import dev.rollback.durable.internal.JournalState;
import dev.rollback.durable.internal.Located;
import dev.rollback.durable.internal.ChainAssembler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes segments that only closed scopes need. A segment goes when it is not being written (this
 * owner's older segments, and every segment of a dead owner), holds no damage, and every scope in
 * it is finished: closed, or handed over to a finished scope. The segment holding a scope's
 * closing entry goes last of that scope's segments, so that a crash half-way through never leaves
 * a closed scope's start without its end (which would read as open).
 */
final class Compaction {

    private final FileStore store;
    private final boolean closing;
    private final Map<String, Entry> closingEntry = new HashMap<>();
    private final Map<String, SegmentContents> closingSegment = new HashMap<>();
    private final Map<String, Set<SegmentContents>> segmentsOf = new HashMap<>();
    private final Set<String> unfinished = new HashSet<>();

    private Compaction(FileStore store, boolean closing) {
        this.store = store;
        this.closing = closing;
    }

    /**
     * @param closing whether the store is closing, so that its current segment is no longer written
     * @return how many segments were removed
     */
    static int run(FileStore store, boolean closing) {
        return new Compaction(store, closing).run();
    }

    private int run() {
        List<SegmentContents> segments = store.segments();
        index(segments);
        List<SegmentContents> candidates = new ArrayList<>();
        for (SegmentContents segment : segments) {
            if (notWritten(segment) && segment.damaged().isEmpty()
                    && segment.scopes().stream().allMatch(this::finished)) {
                candidates.add(segment);
            }
        }
        Set<SegmentContents> removed = new HashSet<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (SegmentContents segment : candidates) {
                if (!removed.contains(segment) && othersRemoved(segment, removed)) {
                    remove(segment);
                    removed.add(segment);
                    progress = true;
                }
            }
        }
        return removed.size();
    }

    private void index(List<SegmentContents> segments) {
        List<Located> entries = new ArrayList<>();
        List<Damage> damaged = new ArrayList<>();
        for (SegmentContents segment : segments) {
            damaged.addAll(segment.damaged());
            for (Located located : segment.entries()) {
                entries.add(located);
                Entry entry = located.entry().entry();
                segmentsOf.computeIfAbsent(entry.scope(), id -> new HashSet<>()).add(segment);
                if (entry instanceof Entry.Closed || entry instanceof Entry.HandedOver) {
                    closingEntry.put(entry.scope(), entry);
                    closingSegment.put(entry.scope(), segment);
                }
            }
        }
        JournalState state = ChainAssembler.assemble(entries, damaged);
        state.open().forEach(scope -> unfinished.add(scope.id()));
        state.damaged().forEach(damage -> unfinished.addAll(damage.scopes()));
    }

    private boolean finished(String scope) {
        Set<String> seen = new HashSet<>();
        String current = scope;
        while (current != null && seen.add(current) && !unfinished.contains(current)) {
            Entry closing = closingEntry.get(current);
            if (closing instanceof Entry.Closed) {
                return true;
            }
            current = closing instanceof Entry.HandedOver handedOver ? handedOver.to() : null;
        }
        return false;
    }

    private boolean notWritten(SegmentContents segment) {
        String owner = segment.name().owner();
        if (owner.equals(store.owner().id())) {
            return closing || segment.name().number() != store.writer().currentNumber();
        }
        return !store.isAlive(owner);
    }

    /** @return whether, for each scope whose closing entry is in this segment, its other segments are gone */
    private boolean othersRemoved(SegmentContents segment, Set<SegmentContents> removed) {
        for (String scope : segment.scopes()) {
            if (closingSegment.get(scope) == segment) {
                for (SegmentContents other : segmentsOf.get(scope)) {
                    if (other != segment && !removed.contains(other)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private void remove(SegmentContents segment) {
        try {
            Files.delete(segment.file());
        } catch (NoSuchFileException e) {
            return; // another process compacting the same directory removed it first
        } catch (IOException e) {
            throw new JournalException("could not remove the compacted segment " + segment.file() + ": " + e, e);
        }
        try {
            Directories.force(store.directory());
        } catch (IOException e) {
            throw new JournalException("could not force the journal directory " + store.directory()
                    + " after removing " + segment.file() + ": " + e, e);
        }
    }
}
