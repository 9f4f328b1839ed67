package dev.rollback.internal;

import dev.rollback.Compensation;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;

/**
 * The compensation behind {@link dev.rollback.Compensations#deleteTree(Path, Path)}: the checks
 * that need no file system (made when it is built), then a walk from the root that never follows
 * a link (made when it runs).
 */
public final class TreeDeletion implements Compensation {

    private final Path target;
    private final Path root;
    private final Path relative;
    private final boolean secureIfPossible;

    private TreeDeletion(Path target, Path root, boolean secureIfPossible) {
        this.target = target;
        this.root = root;
        this.relative = root.relativize(target);
        this.secureIfPossible = secureIfPossible;
    }

    /**
     * @param target the file or directory to delete
     * @param root   the directory that confines the deletion
     * @return the compensation
     * @throws IllegalArgumentException when {@code target} is not strictly inside {@code root}
     */
    public static TreeDeletion of(Path target, Path root) {
        return of(target, root, true);
    }

    /** With {@code secureIfPossible} false, takes the walk of file systems without secure directory streams. */
    static TreeDeletion of(Path target, Path root, boolean secureIfPossible) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path absoluteTarget = target.toAbsolutePath().normalize();
        if (absoluteTarget.equals(absoluteRoot)) {
            throw new IllegalArgumentException(refusal(target, root) + "it is the root itself"
                    + "; accepted: a path strictly inside the root");
        }
        if (!absoluteTarget.startsWith(absoluteRoot)) {
            throw new IllegalArgumentException(refusal(target, root) + "it is not strictly inside the root"
                    + " (compared after making both absolute and removing . and .. by name)"
                    + "; accepted: a path strictly inside the root");
        }
        return new TreeDeletion(absoluteTarget, absoluteRoot, secureIfPossible);
    }

    static String refusal(Path target, Path root) {
        return "deleteTree refuses target " + target + " with root " + root + ": ";
    }

    @Override
    public void run() throws IOException {
        DirectoryStream<Path> rootStream;
        try {
            rootStream = Files.newDirectoryStream(root);
        } catch (NoSuchFileException e) {
            return; // no root, so no target: already deleted
        }
        try (rootStream) {
            if (secureIfPossible && rootStream instanceof SecureDirectoryStream<Path> secure) {
                new SecureTreeWalk(target, root, relative).delete(secure);
            } else {
                new PlainTreeWalk(target, root, relative).delete();
            }
        }
    }

    static IllegalStateException linkedParent(Path target, Path root, Path link, Throwable cause) {
        IllegalStateException refused = new IllegalStateException(refusal(target, root) + link
                + " is a symbolic link, and nothing below the root is reached through a link; nothing was deleted");
        if (cause != null) {
            refused.initCause(cause);
        }
        return refused;
    }

    @Override
    public String toString() {
        return "deleteTree(" + target + ", root " + root + ")";
    }
}
