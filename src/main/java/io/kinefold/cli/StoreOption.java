package io.kinefold.cli;

import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --db FILE}, shared by every command that touches the store. */
final class StoreOption {
    @Option(names = "--db", paramLabel = "FILE", description = "Results database (default: ~/.kinefold/kinefold.db).")
    Path db;

    Store open() throws StoreException {
        return Store.open(db != null ? db : Store.defaultPath());
    }
}
