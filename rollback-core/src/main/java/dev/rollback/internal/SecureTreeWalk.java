package dev.rollback.internal;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes a tree through directory handles: every entry is named relative to the open handle of
 * its directory and looked at without following links, and directories are opened with
 * {@code O_NOFOLLOW}, so swapping a directory for a link at any moment cannot lead the walk out of
 * the tree. An entry that changes kind under the walk is looked at again, a bounded number of times.
 */
final class SecureTreeWalk {

    private static final int ATTEMPTS_PER_ENTRY = 16;

    private final Path target;
    private final Path root;
    private final Path relative;

    SecureTreeWalk(Path target, Path root, Path relative) {
        this.target = target;
        this.root = root;
        this.relative = relative;
    }

    void delete(SecureDirectoryStream<Path> rootDir) throws IOException {
        descend(rootDir, 0, root);
    }

    /** Opens the directories between the root and the target one by one, refusing links. */
    private void descend(SecureDirectoryStream<Path> dir, int depth, Path logical) throws IOException {
        if (depth == relative.getNameCount() - 1) {
            deleteEntry(dir, relative.getFileName(), target);
            return;
        }
        Path name = relative.getName(depth);
        Path next = logical.resolve(name);
        BasicFileAttributes attributes = attributes(dir, name);
        if (attributes == null || (!attributes.isDirectory() && !attributes.isSymbolicLink())) {
            return; // no such directory, so no target: already deleted
        }
        if (attributes.isSymbolicLink()) {
            throw TreeDeletion.linkedParent(target, root, next, null);
        }
        try (SecureDirectoryStream<Path> child = openParent(dir, name, next)) {
            descend(child, depth + 1, next);
        }
    }

    private SecureDirectoryStream<Path> openParent(SecureDirectoryStream<Path> dir, Path name, Path logical)
            throws IOException {
        try {
            return dir.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
        } catch (FileSystemException e) {
            BasicFileAttributes now = attributes(dir, name);
            if (now != null && now.isSymbolicLink()) {
                throw TreeDeletion.linkedParent(target, root, logical, e);
            }
            throw e;
        }
    }

    /**
     * Deletes one entry. Only the steps on the entry itself are tried again when they fail (it may
     * have changed kind under the walk: directory, link, file); failures inside a directory's
     * contents propagate at once, so that attempts do not multiply with depth.
     */
    private void deleteEntry(SecureDirectoryStream<Path> dir, Path name, Path logical) throws IOException {
        FileSystemException last = null;
        for (int attempt = 0; attempt < ATTEMPTS_PER_ENTRY; attempt++) {
            BasicFileAttributes attributes = attributes(dir, name);
            if (attributes == null) {
                return;
            }
            FileSystemException failure = attributes.isDirectory()
                    ? deleteDirectory(dir, name, logical) : deleteFile(dir, name);
            if (failure == null) {
                return;
            }
            if (last != null) {
                failure.addSuppressed(last);
            }
            last = failure;
        }
        FileSystemException gaveUp = new FileSystemException(logical.toString(), null, "deleteTree gave up after "
                + ATTEMPTS_PER_ENTRY + " attempts: the entry kept changing kind or could not be deleted");
        gaveUp.initCause(last);
        throw gaveUp;
    }

    /** @return {@code null} when the entry is gone, else why this attempt failed */
    private static FileSystemException deleteFile(SecureDirectoryStream<Path> dir, Path name) throws IOException {
        try {
            dir.deleteFile(name);
            return null;
        } catch (NoSuchFileException e) {
            return null; // gone meanwhile: deleted all the same
        } catch (FileSystemException e) {
            return e; // a directory now, or not deletable: the caller looks again and keeps the failure
        }
    }

    /** @return {@code null} when the directory is gone, else why this attempt failed */
    private FileSystemException deleteDirectory(SecureDirectoryStream<Path> dir, Path name, Path logical) throws IOException {
        SecureDirectoryStream<Path> child;
        try {
            child = dir.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null; // gone meanwhile: deleted all the same
        } catch (FileSystemException e) {
            return e; // a link or a file now: the caller looks again and keeps the failure
        }
        try (child) {
            List<Path> names = new ArrayList<>();
            for (Path entry : child) {
                names.add(entry.getFileName());
            }
            for (Path entryName : names) {
                deleteEntry(child, entryName, logical.resolve(entryName));
            }
        }
        try {
            dir.deleteDirectory(name);
            return null;
        } catch (NoSuchFileException e) {
            return null; // gone meanwhile: deleted all the same
        } catch (FileSystemException e) {
            return e; // refilled, or swapped meanwhile: the caller looks again and keeps the failure
        }
    }

    private static BasicFileAttributes attributes(SecureDirectoryStream<Path> dir, Path name) throws IOException {
        try {
            return dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
        } catch (NoSuchFileException e) {
            return null; // absent: the caller treats it as deleted
        }
    }
}
