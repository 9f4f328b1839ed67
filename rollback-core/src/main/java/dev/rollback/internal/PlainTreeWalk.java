package dev.rollback.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes a tree by path, for file systems without secure directory streams: every entry is looked
 * at without following links before it is entered, so links are never followed on purpose; a
 * directory swapped for a link between that look and its use can still be entered.
 */
final class PlainTreeWalk {

    private final Path target;
    private final Path root;
    private final Path relative;

    PlainTreeWalk(Path target, Path root, Path relative) {
        this.target = target;
        this.root = root;
        this.relative = relative;
    }

    void delete() throws IOException {
        Path current = root;
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            current = current.resolve(relative.getName(i));
            BasicFileAttributes attributes = attributes(current);
            if (attributes == null || (!attributes.isDirectory() && !attributes.isSymbolicLink())) {
                return; // no such directory, so no target: already deleted
            }
            if (attributes.isSymbolicLink()) {
                throw TreeDeletion.linkedParent(target, root, current, null);
            }
        }
        deleteEntry(target);
    }

    private static void deleteEntry(Path path) throws IOException {
        BasicFileAttributes attributes = attributes(path);
        if (attributes == null) {
            return;
        }
        if (attributes.isDirectory()) {
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                children.forEach(entries::add);
            }
            for (Path entry : entries) {
                deleteEntry(entry);
            }
        }
        try {
            Files.delete(path);
        } catch (NoSuchFileException e) {
            return; // gone meanwhile: deleted all the same
        }
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null; // absent: the caller treats it as deleted
        }
    }
}
