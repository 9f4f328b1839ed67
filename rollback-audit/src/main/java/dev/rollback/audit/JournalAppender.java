package dev.rollback.audit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Appends entries to one journal file, one at a time: the lock keeps the chain in one order when
 * rollbacks on many threads write at once, and a file lock keeps other processes (and other
 * listeners of this JVM) from writing the same journal.
 */
final class JournalAppender implements Closeable {

    private final Path journal;
    private final FileChannel channel;
    private final FileLock fileLock;
    private final ForcePolicy force;
    private JournalHead head;
    private AuditJournalException broken;
    private boolean closed;

    private JournalAppender(Path journal, FileChannel channel, FileLock fileLock, JournalHead head, ForcePolicy force) {
        this.journal = journal;
        this.channel = channel;
        this.fileLock = fileLock;
        this.head = head;
        this.force = force;
    }

    static JournalAppender open(Path journal, JournalHead head, ForcePolicy force) throws IOException {
        FileChannel channel = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            channel.close();
            throw new AuditJournalException("journal " + journal + " cannot be locked for writing: " + e
                    + "; accepted: one AuditListener per journal file", e);
        }
        if (lock == null) {
            channel.close();
            throw new AuditJournalException("journal " + journal + " is being written by another process;"
                    + " accepted: one AuditListener per journal file", null);
        }
        return new JournalAppender(journal, channel, lock, head, force);
    }

    Path journal() {
        return journal;
    }

    synchronized JournalHead head() {
        return head;
    }

    synchronized void append(String operationId, String type, boolean endOfRollback, EntryFormat.Fields fields) {
        long seq = head.entries() + 1;
        String what = "entry " + seq + " (" + type + " of operation " + operationId + ")";
        if (closed) {
            throw new AuditJournalException("journal " + journal + " is closed; " + what + " was not written", null);
        }
        if (broken != null) {
            throw new AuditJournalException("journal " + journal + " accepts no more entries since an earlier append"
                    + " failed; " + what + " was not written", broken);
        }
        EntryFormat.Line line = EntryFormat.line(seq, head.hash(), Instant.now(), operationId, type, fields);
        long sizeBefore = -1;
        try {
            sizeBefore = channel.size();
            ByteBuffer buffer = ByteBuffer.wrap(line.bytes());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (force == ForcePolicy.EVERY_ENTRY || endOfRollback) {
                channel.force(true);
            }
        } catch (IOException e) {
            broken = new AuditJournalException("could not append " + what + " to journal " + journal + ": " + e
                    + "; this listener accepts no more entries", e);
            cutBack(sizeBefore);
            throw broken;
        }
        head = new JournalHead(seq, line.hash());
    }

    /** Removes a partly written entry, so that the journal on disk stays a valid chain. */
    private void cutBack(long sizeBefore) {
        if (sizeBefore < 0) {
            return;
        }
        try {
            if (channel.size() > sizeBefore) {
                channel.truncate(sizeBefore);
            }
        } catch (IOException e) {
            broken.addSuppressed(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            fileLock.release();
        }
    }
}
