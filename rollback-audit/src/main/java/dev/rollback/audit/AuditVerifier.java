package dev.rollback.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies a journal written by {@link AuditListener}: every entry intact, in its place, and
 * chained to the one before. Any changed byte, deleted, inserted or reordered entry is reported as
 * the first bad line. Entries cut off at the end leave a shorter journal that is still a valid
 * chain; only a head kept elsewhere ({@link AuditListener#head()}) reveals that, through
 * {@link #verify(Path, JournalHead)}.
 *
 * <p>From the command line:
 * <pre>
 * java -cp rollback-audit.jar:rollback-core.jar:jackson-core.jar dev.rollback.audit.AuditVerifier JOURNAL [--expect-head COUNT:HASH]
 * </pre>
 * exits 0 and prints {@code ok: N entries, head COUNT:HASH} when the journal verifies, exits 1 and
 * prints {@code JOURNAL: line N: reason} for the first bad entry, and exits 2 when the arguments
 * are wrong or the journal cannot be read.
 */
public final class AuditVerifier {

    private AuditVerifier() {
    }

    /**
     * Verifies a journal on its own.
     *
     * @param journal the journal file
     * @return the result; {@link Verification#problem()} names the first bad entry
     * @throws NullPointerException when {@code journal} is {@code null}
     * @throws IOException          when the journal cannot be read
     */
    public static Verification verify(Path journal) throws IOException {
        return JournalWalk.walk(Objects.requireNonNull(journal, "journal"), (line, entry) -> null);
    }

    /**
     * Verifies a journal, and that it still holds the entry a head kept elsewhere names, with that
     * hash. The journal may have grown since.
     *
     * @param journal  the journal file
     * @param expected a head taken earlier from {@link AuditListener#head()} or a verification
     * @return the result; a journal shorter than {@code expected} is reported as cut off, at the
     *         first missing line
     * @throws NullPointerException when an argument is {@code null}
     * @throws IOException          when the journal cannot be read
     */
    public static Verification verify(Path journal, JournalHead expected) throws IOException {
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(expected, "expected");
        String[] hashAtExpected = {expected.entries() == 0 ? JournalHead.GENESIS_HASH : null};
        Verification chain = JournalWalk.walk(journal, (line, entry) -> {
            if (line == expected.entries()) {
                hashAtExpected[0] = entry.text("hash");
            }
            return null;
        });
        if (!chain.isValid() && chain.entries() < expected.entries()) {
            return chain;
        }
        if (chain.entries() < expected.entries()) {
            return new Verification(chain.entries(), chain.head(), Optional.of(new JournalProblem(chain.entries() + 1,
                    "the journal ends after entry " + chain.entries() + ", but the expected head is " + expected
                            + ": entries " + (chain.entries() + 1) + " to " + expected.entries() + " were cut off")));
        }
        String actual = hashAtExpected[0];
        if (!actual.equals(expected.hash())) {
            return new Verification(chain.entries(), chain.head(), Optional.of(new JournalProblem(expected.entries(),
                    "its hash is " + actual + ", but the expected head is " + expected
                            + ": the journal was rewritten up to here, or the head belongs to another journal")));
        }
        return chain;
    }

    /**
     * The command line; see the class description.
     *
     * @param args {@code JOURNAL [--expect-head COUNT:HASH]}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        boolean withHead = args.length == 3 && args[1].equals("--expect-head");
        if (args.length != 1 && !withHead) {
            err.println("usage: java dev.rollback.audit.AuditVerifier JOURNAL [--expect-head COUNT:HASH]");
            return 2;
        }
        Path journal = Path.of(args[0]);
        try {
            if (!Files.isRegularFile(journal)) {
                err.println(journal + ": no such file");
                return 2;
            }
            Verification result = withHead ? verify(journal, JournalHead.parse(args[2])) : verify(journal);
            if (result.problem().isPresent()) {
                out.println(journal + ": " + result.problem().get());
                return 1;
            }
            out.println("ok: " + result.entries() + " entries, head " + result.head());
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println(journal + ": cannot be read: " + e);
            return 2;
        }
    }
}
