package dev.rollback.durable.internal.file;

import dev.rollback.durable.JournalException;
import dev.rollback.durable.internal.EntryCodec;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * One-byte record locks in one file, one slot per owner ({@code owners.lock}) or per scope
 * ({@code claims.lock}). The operating system releases a process's locks when it dies, however
 * it dies, and only then, so a held slot means a live holder even when its pid was reused.
 * Each process keeps one channel per lock file: closing another channel on the same file would
 * release its locks (POSIX record locks belong to the process, not the channel).
 */
final class SlotLocks implements Closeable {

    private final Path file;
    private final FileChannel channel;

    private SlotLocks(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    static SlotLocks open(Path file) throws IOException {
        if (Files.exists(file)) {
            Permissions.checkFile(file);
        }
        return new SlotLocks(file, FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE), Permissions.fileAttributes(file.getParent())));
    }

    /** @return the slot of an owner id or a scope id: 60 bits of its SHA-256 */
    static long slot(String id) {
        String hash = EntryCodec.sha256(id.getBytes(StandardCharsets.UTF_8));
        return Long.parseUnsignedLong(hash.substring(0, 15), 16);
    }

    /** @return the lock of the slot, or {@code null} when another process or another claim of this one holds it */
    synchronized FileLock tryHold(long slot) {
        try {
            return channel.tryLock(slot, 1, false);
        } catch (OverlappingFileLockException e) {
            return null;
        } catch (IOException e) {
            throw new JournalException("could not lock slot " + slot + " of " + file + ": " + e
                    + "; accepted: a local file system with record locks", e);
        }
    }

    /** @return whether a process (this one included) holds the slot now */
    synchronized boolean isHeld(long slot) {
        FileLock lock = tryHold(slot);
        if (lock == null) {
            return true;
        }
        release(lock);
        return false;
    }

    synchronized void release(FileLock lock) {
        try {
            lock.release();
        } catch (IOException e) {
            throw new JournalException("could not unlock slot " + lock.position() + " of " + file + ": " + e, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
