package dev.rollback.durable.internal.codec;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * A journaled process that no longer runs: no process has its pid, or the one that has it started
 * at another instant. It has ended, has no children, and signals nothing; {@link #pid()} throws,
 * so that no code can signal the pid's new owner by number.
 *
 * @param journaledPid   the pid the journal holds
 * @param journaledStart the start instant the journal holds; {@code null} when it was unknown
 */
public record GoneProcess(long journaledPid, Instant journaledStart) implements ProcessHandle {

    /**
     * @throws UnsupportedOperationException always: the pid now belongs to no process or to another one
     */
    @Override
    public long pid() {
        throw new UnsupportedOperationException(this + " is gone: its pid is not given out, since it belongs to no"
                + " process or to another one now; accepted: the handle's own methods, which signal nothing");
    }

    @Override
    public Optional<ProcessHandle> parent() {
        return Optional.empty();
    }

    @Override
    public Stream<ProcessHandle> children() {
        return Stream.empty();
    }

    @Override
    public Stream<ProcessHandle> descendants() {
        return Stream.empty();
    }

    @Override
    public Info info() {
        return EmptyInfo.INSTANCE;
    }

    @Override
    public CompletableFuture<ProcessHandle> onExit() {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public boolean supportsNormalTermination() {
        return true;
    }

    /** @return {@code false}: nothing is signalled */
    @Override
    public boolean destroy() {
        return false;
    }

    /** @return {@code false}: nothing is signalled */
    @Override
    public boolean destroyForcibly() {
        return false;
    }

    @Override
    public boolean isAlive() {
        return false;
    }

    @Override
    public int compareTo(ProcessHandle other) {
        if (other instanceof GoneProcess gone) {
            return Long.compare(journaledPid, gone.journaledPid);
        }
        return Long.compare(journaledPid, other.pid());
    }

    @Override
    public String toString() {
        return "process " + journaledPid + " (started " + (journaledStart == null ? "at an unknown instant" : journaledStart)
                + ", no longer running)";
    }

    private enum EmptyInfo implements Info {
        INSTANCE;

        @Override
        public Optional<String> command() {
            return Optional.empty();
        }

        @Override
        public Optional<String> commandLine() {
            return Optional.empty();
        }

        @Override
        public Optional<String[]> arguments() {
            return Optional.empty();
        }

        @Override
        public Optional<Instant> startInstant() {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> totalCpuDuration() {
            return Optional.empty();
        }

        @Override
        public Optional<String> user() {
            return Optional.empty();
        }
    }
}
