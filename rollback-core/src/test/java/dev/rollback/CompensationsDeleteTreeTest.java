package dev.rollback;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompensationsDeleteTreeTest {

    @TempDir
    Path temp;

    private Path root;
    private Path outside;
    private Path outsideFile;

    @BeforeEach
    void createTrees() throws IOException {
        root = Files.createDirectory(temp.resolve("root"));
        outside = Files.createDirectories(temp.resolve("outside/dir"));
        Files.writeString(outside.resolve("deep.txt"), "keep");
        outside = outside.getParent();
        Files.writeString(outside.resolve("keep.txt"), "keep");
        outsideFile = Files.writeString(temp.resolve("outside-file.txt"), "keep");
    }

    @Test
    void deletesADirectoryTreeInsideTheRootAndNothingElse() throws Exception {
        Path target = Files.createDirectories(root.resolve("t/a/b"));
        Files.writeString(target.resolve("file.txt"), "x");
        Files.writeString(root.resolve("t/top.txt"), "x");
        Path sibling = Files.writeString(root.resolve("sibling.txt"), "x");

        Compensations.deleteTree(root.resolve("t"), root);

        assertThat(root.resolve("t")).doesNotExist();
        assertThat(sibling).exists();
        assertThat(root).isDirectory();
    }

    @Test
    void deletesASingleFile() throws Exception {
        Path file = Files.writeString(root.resolve("file.txt"), "x");

        Compensations.deleteTree(file, root);

        assertThat(file).doesNotExist();
    }

    @Test
    void removesALinkToAnOutsideDirectoryButNeverItsContents() throws Exception {
        Path tree = Files.createDirectory(root.resolve("t"));
        Files.createSymbolicLink(tree.resolve("link"), outside);

        Compensations.deleteTree(tree, root);

        assertThat(tree).doesNotExist();
        assertOutsideIntact();
    }

    @Test
    void removesALinkToAnOutsideFileButNeverTheFile() throws Exception {
        Path tree = Files.createDirectory(root.resolve("t"));
        Files.createSymbolicLink(tree.resolve("link"), outsideFile);

        Compensations.deleteTree(tree, root);

        assertThat(tree).doesNotExist();
        assertThat(outsideFile).hasContent("keep");
    }

    @Test
    void removesDanglingLinks() throws Exception {
        Path tree = Files.createDirectories(root.resolve("t/inner"));
        Files.createSymbolicLink(tree.resolve("dangling"), temp.resolve("missing"));
        Files.createSymbolicLink(root.resolve("dangling"), temp.resolve("missing"));

        Compensations.deleteTree(root.resolve("t"), root);
        Compensations.deleteTree(root.resolve("dangling"), root);

        assertThat(root.resolve("t")).doesNotExist();
        assertThat(Files.exists(root.resolve("dangling"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void removesALinkedTargetItselfAndNotWhatItPointsTo() throws Exception {
        Path link = Files.createSymbolicLink(root.resolve("link"), outside);

        Compensations.deleteTree(link, root);

        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertOutsideIntact();
    }

    @Test
    void refusesATargetReachedThroughALinkedParentDirectoryAndDeletesNothing() throws IOException {
        Path link = Files.createSymbolicLink(root.resolve("via"), outside);
        Path target = link.resolve("dir");

        assertThatThrownBy(() -> Compensations.deleteTree(target, root))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("deleteTree refuses target " + target + " with root " + root + ": " + link
                        + " is a symbolic link, and nothing below the root is reached through a link; nothing was deleted");
        assertOutsideIntact();
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void refusesATargetReachedThroughALinkDeeperDown() throws IOException {
        Path link = Files.createSymbolicLink(Files.createDirectories(root.resolve("a/b")).resolve("via"), outside);
        Path target = link.resolve("dir/deep.txt");

        assertThatThrownBy(() -> Compensations.deleteTree(target, root))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(link + " is a symbolic link");
        assertOutsideIntact();
    }

    @Test
    void refusesTheRootItselfAndDeletesNothing() throws IOException {
        Path inside = Files.writeString(root.resolve("inside.txt"), "x");

        assertThatThrownBy(() -> Compensations.deleteTree(root, root))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deleteTree refuses target " + root + " with root " + root
                        + ": it is the root itself; accepted: a path strictly inside the root");
        assertThat(inside).exists();
    }

    @Test
    void refusesTheRootReachedThroughDotDot() {
        Path target = root.resolve("t/..");

        assertThatThrownBy(() -> Compensations.deleteTree(target, root))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deleteTree refuses target " + target + " with root " + root
                        + ": it is the root itself; accepted: a path strictly inside the root");
    }

    @Test
    void refusesADotDotPathThatLeavesTheRoot() {
        Path target = root.resolve("t/../../outside");

        assertThatThrownBy(() -> Compensations.deleteTree(target, root))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deleteTree refuses target " + target + " with root " + root
                        + ": it is not strictly inside the root (compared after making both absolute and removing"
                        + " . and .. by name); accepted: a path strictly inside the root");
        assertOutsideIntact();
    }

    @Test
    void refusesASiblingWhoseNameMerelyStartsWithTheRootsName() throws IOException {
        Path sibling = Files.createDirectory(temp.resolve("root-other"));

        assertThatThrownBy(() -> Compensations.deleteTree(sibling, root))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("it is not strictly inside the root");
        assertThat(sibling).isDirectory();
    }

    @Test
    void refusesTheParentOfTheRoot() {
        assertThatThrownBy(() -> Compensations.deleteTree(temp, root))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("it is not strictly inside the root");
    }

    @Test
    void followsDotDotThatStaysInsideTheRoot() throws Exception {
        Files.createDirectories(root.resolve("t/inner"));

        Compensations.deleteTree(root.resolve("elsewhere/../t"), root);

        assertThat(root.resolve("t")).doesNotExist();
    }

    @Test
    void succeedsQuietlyWhenTheTargetDoesNotExistSoItCanRunTwice() throws Exception {
        Files.createDirectories(root.resolve("t/inner"));
        Compensation deletion = () -> Compensations.deleteTree(root.resolve("t"), root);

        deletion.run();
        deletion.run();
        Compensations.deleteTree(root.resolve("never/created/here"), root);
        Compensations.deleteTree(temp.resolve("no-root/t"), temp.resolve("no-root"));

        assertThat(root.resolve("t")).doesNotExist();
        assertThat(root).isDirectory();
    }

    @Test
    void succeedsQuietlyWhenAParentOnTheWayIsAFile() throws Exception {
        Path file = Files.writeString(root.resolve("file"), "x");

        Compensations.deleteTree(file.resolve("child"), root);

        assertThat(file).hasContent("x");
    }

    @Test
    void aRefusedTargetFailsItsOwnCompensationAndTheOthersStillRun() throws IOException {
        Path made = Files.createDirectory(root.resolve("made"));
        Path inside = Files.writeString(root.resolve("inside.txt"), "x");
        IllegalStateException failure = new IllegalStateException("body fails");

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> Rollback.run("refused", () -> {
            Rollback.register("remove " + made, () -> Compensations.deleteTree(made, root));
            Rollback.register("remove everything", () -> Compensations.deleteTree(root, root));
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
        RollbackReport report = ((RollbackIncompleteException) thrown.getSuppressed()[0]).report();
        assertThat(report.actions()).extracting(CompensationResult::description, CompensationResult::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("remove everything", Outcome.FAILED),
                        org.assertj.core.groups.Tuple.tuple("remove " + made, Outcome.SUCCEEDED));
        assertThat(report.actions().get(0).error()).get().isInstanceOf(IllegalArgumentException.class)
                .extracting(Throwable::getMessage).asString().contains("it is the root itself");
        assertThat(made).doesNotExist();
        assertThat(inside).exists();
    }

    @Test
    void namesTheNullParameter() {
        assertThatThrownBy(() -> Compensations.deleteTree(null, root))
                .isInstanceOf(NullPointerException.class).hasMessage("target");
        assertThatThrownBy(() -> Compensations.deleteTree(root.resolve("t"), null))
                .isInstanceOf(NullPointerException.class).hasMessage("root");
    }

    private void assertOutsideIntact() {
        assertThat(outside.resolve("keep.txt")).hasContent("keep");
        assertThat(outside.resolve("dir/deep.txt")).hasContent("keep");
        assertThat(outsideFile).hasContent("keep");
    }
}
