package dev.rollback.durable.internal.file;

import dev.rollback.durable.internal.ChainedEntry;
import dev.rollback.durable.internal.Damage;
import dev.rollback.durable.internal.Entry;
import dev.rollback.durable.internal.EntryCodec;
import dev.rollback.durable.internal.Located;
import dev.rollback.durable.internal.MalformedEntryException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one segment frame by frame (D7). A frame cut short or failing its checksum with no valid
 * frame after it is a torn last write: it is dropped, and only it. One with valid frames after it
 * is damage in the middle: reported with its offset and the scopes open in the segment at that
 * point, and reading goes on at the next valid frame, so that scopes opened later stay readable.
 */
final class SegmentReader {

    private final Path file;
    private final byte[] bytes;
    private final List<Located> entries = new ArrayList<>();
    private final List<Damage> damaged = new ArrayList<>();
    private final Set<String> scopes = new LinkedHashSet<>();
    private final Set<String> openHere = new LinkedHashSet<>();

    private SegmentReader(Path file, byte[] bytes) {
        this.file = file;
        this.bytes = bytes;
    }

    static SegmentContents read(Path file, SegmentName name) throws IOException {
        Permissions.checkFile(file);
        return parse(file, name, Files.readAllBytes(file));
    }

    /** @param bytes the segment's bytes, as read from {@code file} */
    static SegmentContents parse(Path file, SegmentName name, byte[] bytes) {
        SegmentReader reader = new SegmentReader(file, bytes);
        reader.frames();
        return new SegmentContents(file, name, List.copyOf(reader.entries), List.copyOf(reader.damaged),
                Set.copyOf(reader.scopes));
    }

    private void frames() {
        int magic = Frames.MAGIC.length;
        if (bytes.length < magic) {
            if (!Arrays.equals(bytes, 0, bytes.length, Frames.MAGIC, 0, bytes.length)) {
                damage(0, "it does not start with " + new String(Frames.MAGIC, java.nio.charset.StandardCharsets.US_ASCII)
                        + ": it is no journal segment");
            }
            return;
        }
        if (!Arrays.equals(bytes, 0, magic, Frames.MAGIC, 0, magic)) {
            damage(0, "it does not start with " + new String(Frames.MAGIC, java.nio.charset.StandardCharsets.US_ASCII)
                    + ": it is no journal segment, or its start was changed");
            return;
        }
        long expected = 0;
        int at = magic;
        while (at < bytes.length) {
            int length = Frames.validFrameAt(bytes, at, bytes.length);
            if (length < 0) {
                int next = Frames.nextValidFrame(bytes, at, bytes.length);
                if (next < 0) {
                    return; // a torn last write: only that entry is lost
                }
                damage(at, "the " + (bytes.length - at < Frames.HEADER ? "frame" : "frame's length or checksum")
                        + " is damaged (" + (next - at) + " bytes up to the next valid frame)");
                expected = Frames.seqAt(bytes, next); // the frames lost in between are this damage, reported once
                at = next;
                continue;
            }
            long seq = Frames.seqAt(bytes, at);
            if (seq != expected) {
                damage(at, "its frame is number " + seq + ", expected " + expected
                        + ": frames before it were deleted or inserted, or it was moved");
            }
            entry(at, Arrays.copyOfRange(bytes, at + Frames.HEADER, at + Frames.HEADER + length));
            expected = seq + 1;
            at += Frames.HEADER + length;
        }
    }

    private void entry(int at, byte[] payload) {
        ChainedEntry chained;
        try {
            chained = EntryCodec.read(payload);
        } catch (MalformedEntryException e) {
            damage(at, "its frame is whole but holds no valid entry: " + e.getMessage());
            return;
        }
        entries.add(new Located(chained, file.toString(), at));
        String scope = chained.entry().scope();
        scopes.add(scope);
        if (chained.entry() instanceof Entry.Closed || chained.entry() instanceof Entry.HandedOver) {
            openHere.remove(scope);
        } else {
            openHere.add(scope);
        }
    }

    private void damage(int at, String reason) {
        damaged.add(new Damage(file.toString(), at, reason, List.copyOf(openHere)));
    }
}
