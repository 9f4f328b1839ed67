package dev.rollback.durable.internal.file;

import dev.rollback.durable.internal.Damage;
import dev.rollback.durable.internal.Located;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One segment file, read.
 *
 * @param file    the file
 * @param name    its owner and number
 * @param entries the entries of its whole, valid frames, in file order
 * @param damaged where it cannot be read, with the scopes open in it at that point
 * @param scopes  every scope that has an entry in it
 */
record SegmentContents(Path file, SegmentName name, List<Located> entries, List<Damage> damaged, Set<String> scopes) {

    /** Equal by file: a record's own equality would compare every entry, and compaction keeps segments in sets. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SegmentContents segment && segment.file.equals(file);
    }

    /** By file alone: hashing every entry made compacting a journal of many scopes quadratic. */
    @Override
    public int hashCode() {
        return file.hashCode();
    }
}
