package dev.rollback.durable.internal.file;

import dev.rollback.durable.JournalException;
import dev.rollback.durable.SyncPolicy;
import dev.rollback.durable.internal.ChainedEntry;
import dev.rollback.durable.internal.EntrySinks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends frames to this owner's segments, one segment at a time, and forces them as the
 * {@link SyncPolicy} says. Tickets are byte counts over all the owner's segments, so that a force
 * knows which entries it covers. A segment that reaches the size limit is forced and left for a
 * new one; compaction removes it once its scopes are closed.
 */
final class SegmentWriter implements EntrySinks.Sink {

    private final Path directory;
    private final String owner;
    private final SyncPolicy policy;
    private final long segmentSize;
    private final Object writeLock = new Object();
    private final Object forceLock = new Object();
    private final AtomicLong order = new AtomicLong();
    private final List<FileChannel> retired = new ArrayList<>();
    private FileChannel channel;
    private Path file;
    private long number;
    private long seq;
    private long size;
    private long written;
    private volatile long forced;
    private JournalException broken;
    private boolean closed;

    SegmentWriter(Path directory, String owner, SyncPolicy policy, long segmentSize) {
        this.directory = directory;
        this.owner = owner;
        this.policy = policy;
        this.segmentSize = segmentSize;
    }

    /** @return the number of the segment written now; 0 before the first entry */
    long currentNumber() {
        synchronized (writeLock) {
            return number;
        }
    }

    @Override
    public long store(ChainedEntry entry) {
        synchronized (writeLock) {
            usable(entry);
            try {
                if (channel == null || (size >= segmentSize && seq > 0)) {
                    roll();
                }
            } catch (IOException e) {
                throw broken("could not start a new segment in " + directory, e);
            }
            write(Frames.frame(seq, entry.payload()), entry);
            seq++;
            if (policy == SyncPolicy.EACH_RECORD && entry.entry().forced()) {
                force(channel, written);
            }
            return written;
        }
    }

    private void write(ByteBuffer frame, ChainedEntry entry) {
        int length = frame.remaining();
        try {
            while (frame.hasRemaining()) {
                channel.write(frame, size + frame.position());
            }
        } catch (IOException e) {
            JournalException failure = broken("could not write entry " + entry.position() + " of scope "
                    + entry.entry().scope() + " to " + file, e);
            try {
                channel.truncate(size);
            } catch (IOException truncation) {
                failure.addSuppressed(truncation);
            }
            throw failure;
        }
        size += length;
        written += length;
    }

    @Override
    public void awaitForced(long ticket) {
        if (policy != SyncPolicy.GROUP_COMMIT || forced >= ticket) {
            return;
        }
        synchronized (forceLock) {
            if (forced >= ticket) {
                return;
            }
            long target;
            FileChannel current;
            synchronized (writeLock) {
                usable(null);
                target = written;
                current = channel;
            }
            force(current, target);
            closeRetired();
        }
    }

    @Override
    public long nextOrder() {
        return order.getAndIncrement();
    }

    private void force(FileChannel target, long upTo) {
        try {
            target.force(false);
        } catch (IOException e) {
            throw broken("could not force " + file + " to the storage device", e);
        }
        if (upTo > forced) {
            forced = upTo;
        }
    }

    private void roll() throws IOException {
        if (channel != null) {
            if (policy != SyncPolicy.WRITE_ONLY) {
                force(channel, written);
            }
            retired.add(channel);
            if (policy != SyncPolicy.GROUP_COMMIT) {
                closeRetired();
            }
        }
        number++;
        file = new SegmentName(owner, number).in(directory);
        channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                Permissions.fileAttributes(directory));
        channel.write(ByteBuffer.wrap(Frames.MAGIC), 0);
        if (policy != SyncPolicy.WRITE_ONLY) {
            channel.force(false);
            Directories.force(directory);
        }
        size = Frames.MAGIC.length;
        written += size;
        seq = 0;
    }

    private void closeRetired() {
        for (FileChannel old : retired) {
            try {
                old.close();
            } catch (IOException e) {
                throw broken("could not close a full segment in " + directory, e);
            }
        }
        retired.clear();
    }

    private void usable(ChainedEntry entry) {
        String what = entry == null ? "" : " entry " + entry.position() + " of scope " + entry.entry().scope()
                + " was not written";
        if (closed) {
            throw new JournalException("the file journal in " + directory + " is closed;" + what);
        }
        if (broken != null) {
            throw new JournalException("the file journal in " + directory + " accepts no more entries since an earlier"
                    + " write failed;" + what + "; open the journal again once the cause is fixed", broken);
        }
    }

    private JournalException broken(String message, IOException cause) {
        broken = new JournalException(message + ": " + cause + "; this journal accepts no more entries", cause);
        return broken;
    }

    /** Forces what is written, and closes the segment. */
    void close() {
        synchronized (forceLock) {
            synchronized (writeLock) {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    if (channel != null) {
                        if (policy != SyncPolicy.WRITE_ONLY && broken == null) {
                            channel.force(false);
                        }
                        channel.close();
                    }
                    closeRetired();
                } catch (IOException e) {
                    throw new JournalException("could not close " + file + ": " + e, e);
                }
            }
        }
    }
}
