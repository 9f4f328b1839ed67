package dev.rollback.audit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering with a journal of 10,000 entries written by the engine: every kind of change is found,
 * at the first line it spoils. Positions are drawn from seeded generators, so a failure repeats.
 */
class AuditVerifierTamperingTest {

    private static final int ROLLBACKS = 2_000;
    private static final int ENTRIES = ROLLBACKS * 5;
    private static final int TRIALS = 25;

    @TempDir
    static Path shared;

    private static byte[] original;
    private static JournalHead head;

    @TempDir
    Path temp;

    @BeforeAll
    static void writeJournal() throws IOException {
        Path journal = shared.resolve("big.journal");
        head = Journals.write(journal, ROLLBACKS, 3, ForcePolicy.END_OF_ROLLBACK);
        original = Files.readAllBytes(journal);
    }

    @Test
    void theUntouchedJournalOfTenThousandEntriesVerifies() throws IOException {
        Verification verification = AuditVerifier.verify(write(original));

        assertThat(verification.problem()).isEmpty();
        assertThat(verification.entries()).isEqualTo(ENTRIES);
        assertThat(verification.head()).isEqualTo(head);
        assertThat(AuditVerifier.verify(write(original), head).problem()).isEmpty();
    }

    @Test
    void anyFlippedByteIsFoundOnItsOwnLine() throws IOException {
        Random random = new Random(4_001);
        List<Integer> positions = new ArrayList<>(List.of(0, original.length - 1, original.length - 2));
        for (int i = 0; i < TRIALS; i++) {
            positions.add(random.nextInt(original.length));
        }
        for (int position : positions) {
            byte[] changed = original.clone();
            changed[position] ^= (byte) (1 + random.nextInt(255));

            Verification verification = AuditVerifier.verify(write(changed));

            assertThat(verification.problem()).as("byte %d flipped", position).isPresent();
            assertThat(verification.problem().get().line()).as("byte %d flipped", position).isEqualTo(lineOf(position));
        }
    }

    @Test
    void aDeletedEntryIsFoundWhereItWas() throws IOException {
        Random random = new Random(4_002);
        for (int i = 0; i < TRIALS; i++) {
            int line = 1 + random.nextInt(ENTRIES - 1);
            List<byte[]> lines = lines();
            lines.remove(line - 1);

            Verification verification = AuditVerifier.verify(write(join(lines)));

            assertThat(verification.problem()).as("line %d deleted", line).get()
                    .isEqualTo(new JournalProblem(line, "its seq is " + (line + 1) + ", expected " + line
                            + ": entries before it were deleted or inserted, or it was moved"));
        }
    }

    @Test
    void anInsertedCopyOfAnEntryIsFoundWhereItWasInserted() throws IOException {
        Random random = new Random(4_003);
        for (int i = 0; i < TRIALS; i++) {
            int at = 1 + random.nextInt(ENTRIES);
            int copied = 1 + random.nextInt(ENTRIES);
            List<byte[]> lines = lines();
            lines.add(at - 1, lines.get(copied - 1));

            Verification verification = AuditVerifier.verify(write(join(lines)));

            assertThat(verification.problem()).as("copy of %d inserted at %d", copied, at).isPresent();
            assertThat(verification.problem().get().line()).isEqualTo(at == copied ? at + 1 : at);
        }
    }

    @Test
    void aForgedEntryWithAValidHashInsertedIsFoundRightAfterIt() throws IOException {
        int at = 5_000;
        List<byte[]> lines = lines();
        String prev = hashOf(lines.get(at - 2));
        byte[] forged = EntryFormat.line(at, prev, Instant.now(), "forged", ParsedEntry.END, json -> {
            json.writeBooleanField("complete", true);
            json.writeNumberField("completeness", 100.0);
            json.writeNumberField("compensations", 0);
            json.writeNumberField("durationMillis", 0);
        }).bytes();
        lines.add(at - 1, forged);

        Verification verification = AuditVerifier.verify(write(join(lines)));

        assertThat(verification.problem()).get().isEqualTo(new JournalProblem(at + 1, "its seq is " + at + ", expected "
                + (at + 1) + ": entries before it were deleted or inserted, or it was moved"));
    }

    @Test
    void reorderedEntriesAreFoundAtTheFirstMovedOne() throws IOException {
        Random random = new Random(4_004);
        for (int i = 0; i < TRIALS; i++) {
            int first = 1 + random.nextInt(ENTRIES - 1);
            int second = first + 1 + random.nextInt(ENTRIES - first);
            List<byte[]> lines = lines();
            byte[] moved = lines.get(first - 1);
            lines.set(first - 1, lines.get(second - 1));
            lines.set(second - 1, moved);

            Verification verification = AuditVerifier.verify(write(join(lines)));

            assertThat(verification.problem()).as("lines %d and %d swapped", first, second).get()
                    .isEqualTo(new JournalProblem(first, "its seq is " + second + ", expected " + first
                            + ": entries before it were deleted or inserted, or it was moved"));
        }
    }

    @Test
    void aCutOffEndIsFoundOnlyAgainstAHeadKeptElsewhere() throws IOException {
        Random random = new Random(4_005);
        for (int i = 0; i < TRIALS; i++) {
            int kept = random.nextInt(ENTRIES);
            Path cut = write(join(lines().subList(0, kept)));

            assertThat(AuditVerifier.verify(cut).problem()).as("cut after %d", kept).isEmpty();
            assertThat(AuditVerifier.verify(cut, head).problem()).as("cut after %d", kept).get()
                    .isEqualTo(new JournalProblem(kept + 1, "the journal ends after entry " + kept + ", but the expected head is "
                            + head + ": entries " + (kept + 1) + " to " + ENTRIES + " were cut off"));
        }
    }

    @Test
    void aRewrittenLastEntryIsFoundAgainstTheHead() throws IOException {
        List<byte[]> lines = lines();
        String prev = hashOf(lines.get(ENTRIES - 2));
        EntryFormat.Line forged = EntryFormat.line(ENTRIES, prev, Instant.now(), "forged", ParsedEntry.END, json -> {
            json.writeBooleanField("complete", true);
            json.writeNumberField("completeness", 100.0);
            json.writeNumberField("compensations", 3);
            json.writeNumberField("durationMillis", 0);
        });
        lines.set(ENTRIES - 1, forged.bytes());
        Path rewritten = write(join(lines));

        assertThat(AuditVerifier.verify(rewritten).problem()).isEmpty();
        assertThat(AuditVerifier.verify(rewritten, head).problem()).get().isEqualTo(new JournalProblem(ENTRIES,
                "its hash is " + forged.hash() + ", but the expected head is " + head
                        + ": the journal was rewritten up to here, or the head belongs to another journal"));
    }

    @Test
    void aGrownJournalStillVerifiesAgainstAnEarlierHead() throws IOException {
        JournalHead earlier = AuditVerifier.verify(write(join(lines().subList(0, 100)))).head();

        assertThat(AuditVerifier.verify(write(original), earlier).problem()).isEmpty();
    }

    @Test
    void anEntryCutShortIsReportedAsSuch() throws IOException {
        byte[] cut = Arrays.copyOf(original, original.length - 10);

        assertThat(AuditVerifier.verify(write(cut)).problem()).get().isEqualTo(new JournalProblem(ENTRIES,
                "it does not end with a newline: the write of this entry was cut short, or bytes were appended"));
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(temp, "journal", ".journal"), bytes);
    }

    private static long lineOf(int position) {
        long line = 1;
        for (int i = 0; i < position; i++) {
            if (original[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static List<byte[]> lines() {
        List<byte[]> lines = new ArrayList<>(ENTRIES);
        int start = 0;
        for (int i = 0; i < original.length; i++) {
            if (original[i] == '\n') {
                lines.add(Arrays.copyOfRange(original, start, i + 1));
                start = i + 1;
            }
        }
        return lines;
    }

    private static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 1024);
        lines.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static String hashOf(byte[] line) {
        String text = new String(line, java.nio.charset.StandardCharsets.UTF_8).strip();
        return text.substring(text.length() - 66, text.length() - 2);
    }
}
