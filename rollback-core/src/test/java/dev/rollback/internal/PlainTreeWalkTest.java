package dev.rollback.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The walk taken on file systems without secure directory streams, forced here on Linux. */
class PlainTreeWalkTest {

    @TempDir
    Path temp;

    @Test
    void deletesATreeAndRemovesLinksWithoutTouchingTheirTargets() throws Exception {
        Path root = Files.createDirectory(temp.resolve("root"));
        Path outside = Files.createDirectory(temp.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "keep");
        Path tree = Files.createDirectories(root.resolve("t/a"));
        Files.writeString(tree.resolve("file.txt"), "x");
        Files.createSymbolicLink(tree.resolve("to-dir"), outside);
        Files.createSymbolicLink(tree.resolve("to-file"), outside.resolve("keep.txt"));
        Files.createSymbolicLink(tree.resolve("dangling"), temp.resolve("missing"));
        Path linkedTarget = Files.createSymbolicLink(root.resolve("link"), outside);

        TreeDeletion.of(root.resolve("t"), root, false).run();
        TreeDeletion.of(linkedTarget, root, false).run();
        TreeDeletion.of(root.resolve("t"), root, false).run();

        assertThat(root.resolve("t")).doesNotExist();
        assertThat(Files.exists(linkedTarget, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(outside.resolve("keep.txt")).hasContent("keep");
    }

    @Test
    void refusesATargetReachedThroughALinkedParent() throws IOException {
        Path root = Files.createDirectory(temp.resolve("root"));
        Path outside = Files.createDirectories(temp.resolve("outside/dir"));
        Path link = Files.createSymbolicLink(root.resolve("via"), outside.getParent());

        assertThatThrownBy(() -> TreeDeletion.of(link.resolve("dir"), root, false).run())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("deleteTree refuses target " + link.resolve("dir") + " with root " + root + ": " + link
                        + " is a symbolic link, and nothing below the root is reached through a link; nothing was deleted");
        assertThat(outside).isDirectory();
    }
}
