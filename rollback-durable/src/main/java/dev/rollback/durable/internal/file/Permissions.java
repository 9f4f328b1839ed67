package dev.rollback.durable.internal.file;

import dev.rollback.durable.JournalException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * D8 on disk: the journal directory is created {@code rwx------} and its files {@code rw-------};
 * an existing file that anyone but its owner may read or write, or a directory that others may
 * write into, is refused. On file systems without POSIX permissions nothing is checked.
 */
final class Permissions {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final Set<PosixFilePermission> OTHERS_WRITE = EnumSet.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);

    private Permissions() {
    }

    static void createDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(directory)) {
            checkDirectory(directory);
            return;
        }
        if (isPosix(directory.toAbsolutePath().getParent())) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    static FileAttribute<?>[] fileAttributes(Path directory) {
        return isPosix(directory) ? new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
    }

    static void checkDirectory(Path directory) throws IOException {
        if (!isPosix(directory)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
        if (permissions.stream().anyMatch(OTHERS_WRITE::contains)) {
            throw new JournalException("the journal directory " + directory + " is writable by others ("
                    + PosixFilePermissions.toString(permissions) + "), who could plant entries in it; accepted: a"
                    + " directory only its owner can write (rwx------ when the journal creates it), e.g. chmod 700 "
                    + directory);
        }
    }

    /** @throws JournalException when the file is a link, or others may read or write it */
    static void checkFile(Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw new JournalException("the journal file " + file + " is a symbolic link; accepted: a regular file");
        }
        if (!isPosix(file.getParent())) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            throw new JournalException("the journal file " + file + " can be used by others than its owner ("
                    + PosixFilePermissions.toString(permissions) + "): its arguments may be secrets and its entries say"
                    + " what recovery runs; accepted: rw------- (0600), e.g. chmod 600 " + file);
        }
    }

    private static boolean isPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
