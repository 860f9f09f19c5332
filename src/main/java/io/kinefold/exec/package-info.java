/**
 * Running trials: the {@link io.kinefold.exec.TrialExecutor} interface that every backend
 * implements, built only by {@link io.kinefold.exec.ExecutorFactory} from a
 * {@link io.kinefold.exec.RunMode} and a {@link io.kinefold.exec.WorkerChoice};
 * {@link io.kinefold.exec.RunService}, which the command line and the GUI both use to run, resume
 * and summarise experiments through the store; and {@link io.kinefold.exec.CompareWorkflow},
 * their one way to compare single-process with pool runs into a typed
 * {@link io.kinefold.exec.ComparisonResult}.
 */
package io.kinefold.exec;
