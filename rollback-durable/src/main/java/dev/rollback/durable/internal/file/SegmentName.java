package dev.rollback.durable.internal.file;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A segment's file name: its owner's id and its number, {@code <owner>-<number>.wal}, e.g.
 * {@code 3f9c...a1-00000002.wal}. An owner writes its segments one after the other.
 *
 * @param owner  the owner's id
 * @param number the segment's number, from 1
 */
record SegmentName(String owner, long number) {

    private static final Pattern NAME = Pattern.compile("([0-9a-f]{32})-([0-9]{8})\\.wal");

    static Optional<SegmentName> of(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        return matcher.matches() ? Optional.of(new SegmentName(matcher.group(1), Long.parseLong(matcher.group(2))))
                : Optional.empty();
    }

    Path in(Path directory) {
        return directory.resolve(String.format("%s-%08d.wal", owner, number));
    }
}
