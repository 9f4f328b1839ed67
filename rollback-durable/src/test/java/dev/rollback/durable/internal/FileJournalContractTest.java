package dev.rollback.durable.internal;

import dev.rollback.durable.SyncPolicy;
import dev.rollback.durable.internal.file.FileStore;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

class FileJournalContractTest extends JournalStoreContract {

    @TempDir
    Path temp;

    @Override
    protected StoreFixture fixture() {
        Path journal = temp.resolve("journal");
        return new StoreFixture() {
            @Override
            public JournalStore open() {
                return FileStore.open(journal, SyncPolicy.EACH_RECORD, FileStore.DEFAULT_SEGMENT_SIZE);
            }

            @Override
            public List<String> childArguments() {
                return List.of("file", journal.toString());
            }

            @Override
            public long storageUnits() {
                try (Stream<Path> files = Files.list(journal)) {
                    return files.filter(file -> file.toString().endsWith(".wal")).count();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
