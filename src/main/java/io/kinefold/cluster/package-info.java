/**
 * Runs on several machines: {@code kinefold node} offers a machine's worker slots to a cluster
 * (embedded Hazelcast members on a trusted network), and a run with {@code --cluster} schedules
 * its trials over every node's slots from this process, which alone writes the store. Of
 * Hazelcast only membership, failure detection, a task channel and a topic are used; what crosses
 * the network is JSON and the dataset's bytes, never Java serialization of our types.
 *
 * <p>Above {@code exec} (whose {@code TrialScheduler} and {@code LocalWorkerPool} it reuses as they
 * are), below the faces: {@code cli} and {@code ui}.
 */
package io.kinefold.cluster;
