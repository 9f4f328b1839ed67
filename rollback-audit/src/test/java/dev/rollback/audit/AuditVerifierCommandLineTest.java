package dev.rollback.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class AuditVerifierCommandLineTest {

    @TempDir
    Path temp;

    private Path journal;
    private JournalHead head;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeJournal() throws IOException {
        journal = temp.resolve("cli.journal");
        head = Journals.write(journal, 2, 1);
    }

    @Test
    void exitsZeroAndPrintsTheHeadForAValidJournal() {
        assertThat(run(journal.toString())).isZero();
        assertThat(out()).isEqualTo("ok: 6 entries, head " + head + "\n");
        assertThat(run(journal.toString(), "--expect-head", head.toString())).isZero();
    }

    @Test
    void exitsOneAndPrintsTheFirstBadEntry() throws IOException {
        List<String> lines = Files.readAllLines(journal);
        Files.write(journal, List.of(lines.get(0), lines.get(2), lines.get(1), lines.get(3), lines.get(4), lines.get(5)));

        assertThat(run(journal.toString())).isEqualTo(1);
        assertThat(out()).isEqualTo(journal + ": line 2: its seq is 3, expected 2: entries before it were deleted or"
                + " inserted, or it was moved\n");
    }

    @Test
    void exitsOneWhenTheEndWasCutOffBeforeTheExpectedHead() throws IOException {
        List<String> lines = Files.readAllLines(journal);
        Files.write(journal, lines.subList(0, 4));

        assertThat(run(journal.toString())).isZero();
        assertThat(run(journal.toString(), "--expect-head", head.toString())).isEqualTo(1);
        assertThat(out()).endsWith(journal + ": line 5: the journal ends after entry 4, but the expected head is " + head
                + ": entries 5 to 6 were cut off\n");
    }

    @Test
    void exitsTwoForWrongArgumentsOrAMissingJournal() {
        assertThat(run()).isEqualTo(2);
        assertThat(run(journal.toString(), "--expect-head", "nonsense")).isEqualTo(2);
        assertThat(run(temp.resolve("missing").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "usage: java dev.rollback.audit.AuditVerifier JOURNAL [--expect-head COUNT:HASH]\n"
                        + "journal head 'nonsense'; accepted: COUNT:HASH, such as 3:" + JournalHead.GENESIS_HASH + "\n"
                        + temp.resolve("missing") + ": no such file\n");
    }

    @Test
    void theJavaCommandExitsWithTheStatusOfTheVerification() throws Exception {
        assertThat(java(journal.toString())).isZero();
        Files.writeString(journal, "tampered\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(java(journal.toString())).isEqualTo(1);
    }

    private int run(String... args) {
        return AuditVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int java(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AuditVerifier.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
