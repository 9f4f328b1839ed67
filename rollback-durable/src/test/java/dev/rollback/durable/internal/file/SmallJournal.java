package dev.rollback.durable.internal.file;

import dev.rollback.durable.SyncPolicy;
import dev.rollback.durable.internal.LiveScope;
import dev.rollback.durable.internal.ScopeOutcome;
import dev.rollback.durable.internal.StepIntent;
import dev.rollback.durable.internal.StepKey;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A small real journal to damage: scope A (opened, two steps recorded, open), scope B (opened, one
 * step, compensated, closed) and scope C (opened after both, one step, open), written by a store
 * that is then closed; with the offsets of its frames.
 */
final class SmallJournal {

    final Path segment;
    final byte[] bytes;
    final List<Integer> frames = new ArrayList<>();
    final String a;
    final String b;
    final String c;

    private SmallJournal(Path segment, String a, String b, String c) throws IOException {
        this.segment = segment;
        this.bytes = Files.readAllBytes(segment);
        this.a = a;
        this.b = b;
        this.c = c;
        int at = Frames.MAGIC.length;
        while (at < bytes.length) {
            frames.add(at);
            at += Frames.HEADER + ByteBuffer.wrap(bytes, at, 4).getInt();
        }
    }

    static SmallJournal write(Path directory) throws IOException {
        FileStore store = FileStore.open(directory, SyncPolicy.EACH_RECORD, FileStore.DEFAULT_SEGMENT_SIZE);
        StepIntent intent = new StepIntent("com.acme.Tabs", "open", "(Ljava/lang/String;)V", "[\"x\"]", 0, 0, 0);
        LiveScope a = store.open("a", null);
        a.recorded(a.intent(intent), "null");
        LiveScope b = store.open("b", null);
        int step = b.intent(intent);
        b.recorded(step, "null");
        a.recorded(a.intent(intent), "null");
        b.compensated(new StepKey(b.scopeId(), step));
        b.closed(ScopeOutcome.ROLLED_BACK);
        LiveScope c = store.open("c", null);
        c.recorded(c.intent(intent), "null");
        store.close();
        try (Stream<Path> files = Files.list(directory)) {
            Path segment = files.filter(file -> file.toString().endsWith(".wal")).findFirst().orElseThrow();
            return new SmallJournal(segment, a.scopeId(), b.scopeId(), c.scopeId());
        }
    }

    /** @return the offset just past frame {@code index} */
    int end(int index) {
        return index + 1 < frames.size() ? frames.get(index + 1) : bytes.length;
    }

    /** @return the index of the frame holding the given entry position of the given scope */
    int frameOf(String scope, int position) throws IOException {
        SegmentContents read = SegmentReader.read(segment, SegmentName.of(segment).orElseThrow());
        for (int i = 0; i < read.entries().size(); i++) {
            var entry = read.entries().get(i).entry();
            if (entry.entry().scope().equals(scope) && entry.position() == position) {
                return i;
            }
        }
        throw new IllegalArgumentException("no entry " + position + " of " + scope);
    }
}
