package dev.rollback.recovery;

import dev.rollback.Compensations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Directories, with no annotation at all: {@link RulesFileRecoveryTest}'s rules file makes
 * {@link #create} a compensated call undone by {@link #delete}.
 */
public class RuledWorkspaces {

    public Path create(Path directory) throws IOException {
        return Files.createDirectory(directory);
    }

    void delete(Path directory) throws IOException {
        Compensations.deleteTree(directory, directory.getParent());
    }
}
