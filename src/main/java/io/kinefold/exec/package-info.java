/**
 * Running trials: the {@link io.kinefold.exec.TrialExecutor} interface that every backend
 * implements, the single-process executor, and {@link io.kinefold.exec.RunService}, which the
 * command line and the GUI both use to run, resume and summarise experiments through the store.
 */
package io.kinefold.exec;
