package dev.rollback.durable.internal.file;

import dev.rollback.durable.SyncPolicy;
import dev.rollback.durable.internal.Damage;
import dev.rollback.durable.internal.JournalState;
import dev.rollback.durable.internal.ScopeState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** D7 and D8 on disk: a torn last write loses only that entry; damage in the middle stops its scopes, by name and offset. */
class TornAndDamagedSegmentsTest {

    @TempDir
    Path temp;

    SmallJournal journal;

    @BeforeEach
    void writeASmallJournal() throws IOException {
        journal = SmallJournal.write(temp.resolve("journal"));
    }

    @Test
    void aCutAtAnyByteLosesOnlyTheEntryItCutAndNothingIsReportedDamaged() throws IOException {
        for (int length = 0; length <= journal.bytes.length; length++) {
            SegmentContents read = SegmentReader.parse(journal.segment, SegmentName.of(journal.segment).orElseThrow(),
                    Arrays.copyOf(journal.bytes, length));

            int whole = 0;
            for (int i = 0; i < journal.frames.size(); i++) {
                whole += journal.end(i) <= length ? 1 : 0;
            }
            assertThat(read.damaged()).as("cut at %d", length).isEmpty();
            assertThat(read.entries()).as("cut at %d", length).hasSize(whole);
        }
    }

    @Test
    void aStoreReadingAJournalCutInItsLastEntryStillRecoversEverythingBeforeIt() throws IOException {
        int last = journal.frames.size() - 1;
        Files.write(journal.segment, Arrays.copyOf(journal.bytes, journal.frames.get(last) + 5));

        JournalState state = read();

        assertThat(state.damaged()).isEmpty();
        assertThat(state.open()).extracting(ScopeState::id).containsExactly(journal.a, journal.c);
        assertThat(state.scope(journal.c).orElseThrow().steps()).singleElement()
                .satisfies(step -> assertThat(step.wasRecorded()).as("the cut record of C").isFalse());
    }

    @Test
    void aFlippedByteAnywhereInAMiddleEntryStopsTheScopesOpenThereNamingTheFileAndOffset() throws IOException {
        int frame = journal.frameOf(journal.a, 1);
        int start = journal.frames.get(frame);
        for (int at = start; at < journal.end(frame); at++) {
            byte[] flipped = journal.bytes.clone();
            flipped[at] ^= 0x20;
            Files.write(journal.segment, flipped);

            JournalState state = readSegment();

            assertThat(state.damaged()).as("byte %d flipped", at).singleElement().satisfies(damage -> {
                assertThat(damage.location()).isEqualTo(journal.segment.toString());
                assertThat(damage.offset()).isEqualTo((long) start);
                assertThat(damage.scopes()).containsExactly(journal.a);
                assertThat(damage.message()).startsWith(journal.segment + " at offset " + start + ": ");
            });
            assertThat(state.open()).as("byte %d flipped", at).extracting(ScopeState::id).containsExactly(journal.c);
        }
    }

    @Test
    void aDeletedEntryStopsTheScopesOpenWhereItWasAndNoOther() throws IOException {
        int frame = journal.frameOf(journal.a, 2);
        byte[] without = concat(Arrays.copyOfRange(journal.bytes, 0, journal.frames.get(frame)),
                Arrays.copyOfRange(journal.bytes, journal.end(frame), journal.bytes.length));
        Files.write(journal.segment, without);

        JournalState state = read();

        Damage damage = state.damaged().get(0);
        assertThat(damage.offset()).isEqualTo((long) journal.frames.get(frame));
        assertThat(damage.reason()).contains("frames before it were deleted or inserted, or it was moved");
        assertThat(state.damaged()).flatExtracting(Damage::scopes).contains(journal.a).doesNotContain(journal.c);
        assertThat(state.open()).extracting(ScopeState::id).containsExactly(journal.c);
    }

    @Test
    void theDeletedClosingEntryOfAScopeDoesNotMakeItReadAsOpen() throws IOException {
        int frame = journal.frameOf(journal.b, 4);
        byte[] without = concat(Arrays.copyOfRange(journal.bytes, 0, journal.frames.get(frame)),
                Arrays.copyOfRange(journal.bytes, journal.end(frame), journal.bytes.length));
        Files.write(journal.segment, without);

        JournalState state = read();

        assertThat(state.damaged()).flatExtracting(Damage::scopes).contains(journal.b);
        assertThat(state.open()).extracting(ScopeState::id).doesNotContain(journal.b);
    }

    @Test
    void twoSwappedEntriesStopTheirScopes() throws IOException {
        int first = journal.frameOf(journal.a, 1);
        int second = first + 1;
        byte[] swapped = concat(Arrays.copyOfRange(journal.bytes, 0, journal.frames.get(first)),
                Arrays.copyOfRange(journal.bytes, journal.frames.get(second), journal.end(second)),
                Arrays.copyOfRange(journal.bytes, journal.frames.get(first), journal.end(first)),
                Arrays.copyOfRange(journal.bytes, journal.end(second), journal.bytes.length));
        Files.write(journal.segment, swapped);

        JournalState state = read();

        assertThat(state.damaged()).isNotEmpty();
        assertThat(state.damaged()).flatExtracting(Damage::scopes).contains(journal.a);
        assertThat(state.open()).extracting(ScopeState::id).doesNotContain(journal.a).contains(journal.c);
    }

    @Test
    void anEntryRewrittenWithAValidChecksumBreaksItsScopesHashChain() throws IOException {
        int frame = journal.frameOf(journal.a, 2);
        int start = journal.frames.get(frame);
        int length = ByteBuffer.wrap(journal.bytes, start, 4).getInt();
        byte[] payload = Arrays.copyOfRange(journal.bytes, start + Frames.HEADER, start + Frames.HEADER + length);
        byte[] forged = new String(payload, java.nio.charset.StandardCharsets.UTF_8).replace("\"result\":\"null\"",
                "\"result\":\"true\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(forged).isNotEqualTo(payload);
        ByteBuffer frameBytes = Frames.frame(Frames.seqAt(journal.bytes, start), forged);
        byte[] rewritten = concat(Arrays.copyOfRange(journal.bytes, 0, start), Arrays.copyOfRange(frameBytes.array(), 0,
                frameBytes.limit()), Arrays.copyOfRange(journal.bytes, journal.end(frame), journal.bytes.length));
        Files.write(journal.segment, rewritten);

        JournalState state = read();

        assertThat(state.damaged()).singleElement().satisfies(damage -> {
            assertThat(damage.scopes()).containsExactly(journal.a);
            assertThat(damage.reason()).contains("entry 3 of scope " + journal.a + " (INTENT): its prev is ")
                    .contains("the entries were changed, reordered or replaced");
        });
        assertThat(state.open()).extracting(ScopeState::id).containsExactly(journal.c);
    }

    /** What {@link FileStore#read()} does, without opening a store for each of many damaged copies. */
    private JournalState readSegment() throws IOException {
        SegmentContents read = SegmentReader.read(journal.segment, SegmentName.of(journal.segment).orElseThrow());
        return dev.rollback.durable.internal.ChainAssembler.assemble(read.entries(), read.damaged());
    }

    private JournalState read() {
        FileStore store = FileStore.open(temp.resolve("journal"), SyncPolicy.EACH_RECORD, FileStore.DEFAULT_SEGMENT_SIZE);
        try {
            return store.read();
        } finally {
            store.close(); // it wrote nothing, and a damaged segment is never compacted
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }
}
