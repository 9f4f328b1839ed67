package dev.rollback.durable.internal.file;

import dev.rollback.durable.JournalException;
import dev.rollback.durable.SyncPolicy;
import dev.rollback.durable.internal.ChainAssembler;
import dev.rollback.durable.internal.Claim;
import dev.rollback.durable.internal.Damage;
import dev.rollback.durable.internal.HeldClaim;
import dev.rollback.durable.internal.EntrySinks;
import dev.rollback.durable.internal.JournalState;
import dev.rollback.durable.internal.JournalStore;
import dev.rollback.durable.internal.LiveScope;
import dev.rollback.durable.internal.Located;
import dev.rollback.durable.internal.Owner;
import dev.rollback.durable.internal.ScopeState;

import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The file journal: a directory that many processes may share, one segment file per process
 * (never two writers in one file), {@code owners.lock} whose slots tell which owners live, and
 * {@code claims.lock} whose slots make recovery of a scope exclusive. One journal per directory per
 * process: the lock files' record locks belong to the process.
 */
public final class FileStore implements JournalStore {

    /** Segments are left for a new one at this size, so that compaction can remove them. */
    public static final long DEFAULT_SEGMENT_SIZE = 8L << 20;

    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final Owner owner;
    private final SlotLocks owners;
    private final SlotLocks claims;
    private final FileLock ownerLock;
    private final SegmentWriter writer;
    private final AtomicLong scopes = new AtomicLong();
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private FileStore(Path directory, Owner owner, SlotLocks owners, SlotLocks claims, FileLock ownerLock,
                      SegmentWriter writer) {
        this.directory = directory;
        this.owner = owner;
        this.owners = owners;
        this.claims = claims;
        this.ownerLock = ownerLock;
        this.writer = writer;
    }

    /**
     * @param directory   the journal directory; created {@code rwx------} when missing
     * @param policy      when entries are forced
     * @param segmentSize the size at which a segment is left for a new one
     * @return the journal, open
     * @throws JournalException when the directory or a file in it is refused (D8), or this process
     *                          has a journal open on it already
     */
    public static FileStore open(Path directory, SyncPolicy policy, long segmentSize) {
        Path real;
        try {
            Permissions.createDirectory(directory);
            real = directory.toRealPath();
        } catch (IOException e) {
            throw new JournalException("could not create or open the journal directory " + directory + ": " + e, e);
        }
        if (!OPEN.add(real)) {
            throw new JournalException("this process has a journal open on " + real + " already; accepted: one"
                    + " Journal.file per directory per process (share it), or another directory");
        }
        try {
            return openRegistered(real, policy, segmentSize);
        } catch (IOException | RuntimeException e) {
            OPEN.remove(real);
            if (e instanceof JournalException journal) {
                throw journal;
            }
            throw new JournalException("could not open the journal in " + real + ": " + e, e);
        }
    }

    private static FileStore openRegistered(Path directory, SyncPolicy policy, long segmentSize) throws IOException {
        Permissions.checkDirectory(directory);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                if (SegmentName.of(file).isPresent()) {
                    Permissions.checkFile(file);
                }
            }
        }
        SlotLocks owners = SlotLocks.open(directory.resolve("owners.lock"));
        SlotLocks claims = SlotLocks.open(directory.resolve("claims.lock"));
        for (int attempt = 0; attempt < 3; attempt++) {
            Owner owner = Owner.draw();
            FileLock lock = owners.tryHold(SlotLocks.slot(owner.id()));
            if (lock != null) {
                return new FileStore(directory, owner, owners, claims, lock,
                        new SegmentWriter(directory, owner.id(), policy, segmentSize));
            }
        }
        owners.close();
        claims.close();
        throw new JournalException("could not take an owner slot in " + directory.resolve("owners.lock")
                + " after 3 random draws; accepted: a file system with record locks");
    }

    @Override
    public Owner owner() {
        return owner;
    }

    @Override
    public String location() {
        return "file journal " + directory;
    }

    Path directory() {
        return directory;
    }

    SegmentWriter writer() {
        return writer;
    }

    @Override
    public LiveScope open(String operation, LiveScope parent) {
        requireOpen();
        return EntrySinks.open(writer, owner.id() + "-" + scopes.incrementAndGet(), operation, owner, parent);
    }

    @Override
    public JournalState read() {
        List<SegmentContents> segments = segments();
        List<Located> entries = new ArrayList<>();
        List<Damage> damaged = new ArrayList<>();
        for (SegmentContents segment : segments) {
            entries.addAll(segment.entries());
            damaged.addAll(segment.damaged());
        }
        return ChainAssembler.assemble(entries, damaged);
    }

    List<SegmentContents> segments() {
        try (Stream<Path> files = Files.list(directory)) {
            List<SegmentContents> segments = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                Optional<SegmentName> name = SegmentName.of(file);
                if (name.isPresent()) {
                    segments.add(SegmentReader.read(file, name.get()));
                }
            }
            return segments;
        } catch (java.nio.file.NoSuchFileException e) {
            return segments(); // a segment compacted away while the directory was listed: list again
        } catch (IOException e) {
            throw new JournalException("could not read the journal in " + directory + ": " + e, e);
        }
    }

    @Override
    public boolean isAlive(Owner other) {
        if (other.id().equals(owner.id())) {
            return !closed;
        }
        return isAlive(other.id());
    }

    boolean isAlive(String ownerId) {
        return ownerId.equals(owner.id()) ? !closed : owners.isHeld(SlotLocks.slot(ownerId));
    }

    @Override
    public Optional<Claim> claim(String scopeId) {
        requireOpen();
        if (!claimed.add(scopeId)) {
            return Optional.empty();
        }
        FileLock lock = claims.tryHold(SlotLocks.slot(scopeId));
        if (lock == null) {
            claimed.remove(scopeId);
            return Optional.empty();
        }
        try {
            Optional<ScopeState> scope = read().scope(scopeId).filter(this::mayClaim);
            if (scope.isPresent()) {
                return Optional.of(new HeldClaim(scope.get(), EntrySinks.resume(writer, scope.get(), owner),
                        () -> letGo(scopeId, lock)));
            }
        } catch (RuntimeException e) {
            letGo(scopeId, lock);
            throw e;
        }
        letGo(scopeId, lock);
        return Optional.empty();
    }

    /** Never this owner's own live scope; a scope this owner claimed before and let go, or whose holder is dead. */
    private boolean mayClaim(ScopeState scope) {
        if (scope.owner().id().equals(owner.id())) {
            return false;
        }
        return scope.holder().id().equals(owner.id()) || !isAlive(scope.holder());
    }

    private void letGo(String scopeId, FileLock lock) {
        try {
            claims.release(lock);
        } finally {
            claimed.remove(scopeId);
        }
    }

    @Override
    public int compact() {
        requireOpen();
        return Compaction.run(this, false);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
            Compaction.run(this, true);
        } finally {
            try (owners; claims) {
                owners.release(ownerLock);
            } catch (IOException e) {
                throw new JournalException("could not close the lock files of " + directory + ": " + e, e);
            } finally {
                OPEN.remove(directory);
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new JournalException("the " + location() + " is closed; accepted: calls before close()");
        }
    }

    @Override
    public String toString() {
        return location();
    }
}
