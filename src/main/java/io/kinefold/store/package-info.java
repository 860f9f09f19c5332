/**
 * The embedded SQLite store: one file (by default {@code ~/.kinefold/kinefold.db}) that holds
 * experiments, runs, the sessions each run was executed in, every trial's result and the resource
 * samples of the monitor. A trial's result is durable the moment {@link io.kinefold.store.Store#recordTrial}
 * returns, which is what lets an interrupted run resume without running a finished trial again.
 * The schema is versioned and migrated forward on open; a file from a newer Kinefold, or one that
 * is not a Kinefold database at all, is refused with a {@link io.kinefold.store.StoreException}
 * rather than altered.
 */
package io.kinefold.store;
