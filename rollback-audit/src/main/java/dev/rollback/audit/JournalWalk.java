package dev.rollback.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a journal line by line and checks each entry in turn: the line ends with its hash, the
 * hash matches the line's bytes, the line is a valid entry, its {@code seq} is its line number, and
 * its {@code prev} is the previous entry's hash. Stops at the first entry that fails.
 */
final class JournalWalk {

    /** Sees every entry that verified, in order. */
    @FunctionalInterface
    interface Visitor {
        /** @return a reason to stop at this entry, or {@code null} to go on */
        String visit(long line, ParsedEntry entry) throws ParsedEntry.Malformed;
    }

    private JournalWalk() {
    }

    static Verification walk(Path journal, Visitor visitor) throws IOException {
        JournalHead head = JournalHead.empty();
        try (InputStream in = Files.newInputStream(journal)) {
            byte[] chunk = new byte[1 << 16];
            byte[] line = new byte[1024];
            int length = 0;
            long number = 0;
            for (int read = in.read(chunk); read != -1; read = in.read(chunk)) {
                for (int i = 0; i < read; i++) {
                    if (chunk[i] != '\n') {
                        if (length == line.length) {
                            line = Arrays.copyOf(line, length * 2);
                        }
                        line[length++] = chunk[i];
                        continue;
                    }
                    number++;
                    byte[] entry = Arrays.copyOf(line, length);
                    String problem = check(number, entry, head, visitor);
                    if (problem != null) {
                        return failed(head, number, problem);
                    }
                    head = new JournalHead(number, hashOf(entry));
                    length = 0;
                }
            }
            if (length > 0) {
                return failed(head, number + 1, "it does not end with a newline: the write of this entry was cut short,"
                        + " or bytes were appended");
            }
        }
        return new Verification(head.entries(), head, Optional.empty());
    }

    private static String check(long number, byte[] line, JournalHead previous, Visitor visitor) {
        int hashAt = EntryFormat.hashFieldOffset(line);
        if (hashAt < 0) {
            return "it does not end with ,\"hash\":\"<64 hexadecimal digits>\"}: the entry was changed or is not an entry";
        }
        String recorded = hashOf(line);
        String actual = EntryFormat.sha256(line, hashAt);
        if (!actual.equals(recorded)) {
            return "its hash is " + recorded + ", but its contents hash to " + actual + ": the entry was changed";
        }
        try {
            ParsedEntry entry = ParsedEntry.parse(line);
            long seq = entry.number("seq");
            if (seq != number) {
                return "its seq is " + seq + ", expected " + number + ": entries before it were deleted or inserted,"
                        + " or it was moved";
            }
            String prev = entry.text("prev");
            if (!prev.equals(previous.hash())) {
                return "its prev is " + prev + ", but the entry before it hashes to " + previous.hash()
                        + ": the entries were reordered, or one was replaced";
            }
            return visitor.visit(number, entry);
        } catch (ParsedEntry.Malformed e) {
            return e.getMessage();
        }
    }

    private static String hashOf(byte[] line) {
        return new String(line, line.length - 66, 64, StandardCharsets.US_ASCII);
    }

    private static Verification failed(JournalHead head, long line, String reason) {
        return new Verification(head.entries(), head, Optional.of(new JournalProblem(line, reason)));
    }
}
