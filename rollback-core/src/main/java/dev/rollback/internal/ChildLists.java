package dev.rollback.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The children of a process. {@link ProcessHandle#children()} reads the stat file of every process
 * on the machine (tens of milliseconds with a few hundred processes), and {@link ProcessTrees} looks
 * at a tree many times; where Linux lists each thread's children ({@code /proc/<pid>/task/<tid>/children})
 * only the tree's own processes are read. A listed pid becomes a child only through
 * {@link ProcessHandle#parent()}, which answers for the process that started at the handle's
 * instant: a pid that was reused in between is not taken for a child. Like any look at a process
 * table, it cannot see a child started after it.
 */
final class ChildLists {

    private static final Path PROC = Path.of("/proc");
    private static final int READS = 5;
    private static final boolean LISTED = Files.isReadable(PROC.resolve("thread-self").resolve("children"));

    private ChildLists() {
    }

    /** @return the children of {@code parent}: read from its child lists on Linux, else from the JDK */
    static List<ProcessHandle> of(ProcessHandle parent) {
        if (LISTED) {
            try {
                return listed(parent);
            } catch (NoSuchFileException ended) {
                return List.of(); // the parent was reaped meanwhile: its children, if any, are no longer its own
            } catch (IOException unreadable) {
                return parent.children().toList(); // its lists cannot be read here: the JDK's scan answers instead
            }
        }
        return parent.children().toList();
    }

    /**
     * Linux lists the children one at a time, continuing after the last one listed; when that one
     * is reaped meanwhile, the listing goes on by position and skips the next child. So when a
     * listed child is no longer there once the list is read, it is read again; after
     * {@link #READS} such reads the JDK's scan answers.
     */
    static List<ProcessHandle> listed(ProcessHandle parent) throws IOException {
        for (int read = 1; read <= READS; read++) {
            List<Long> pids = readLists(parent);
            List<ProcessHandle> children = new ArrayList<>();
            for (long pid : pids) {
                ProcessHandle.of(pid).filter(child -> child.parent().filter(parent::equals).isPresent()).ifPresent(children::add);
            }
            if (children.size() == pids.size()) {
                return children;
            }
        }
        return parent.children().toList();
    }

    private static List<Long> readLists(ProcessHandle parent) throws IOException {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(PROC.resolve(Long.toString(parent.pid())).resolve("task"))) {
            for (Path task : tasks) {
                for (String pid : read(task.resolve("children")).split(" ")) {
                    if (!pid.isEmpty()) {
                        pids.add(Long.parseLong(pid));
                    }
                }
            }
        }
        return pids;
    }

    private static String read(Path childList) throws IOException {
        try {
            return Files.readString(childList, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException threadEnded) {
            return ""; // that thread ended between listing the tasks and reading its list
        }
    }
}
