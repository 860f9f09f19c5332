/**
 * Watching the machine with OSHI: what it is (processor, cores, memory) for provenance and for
 * choosing how many workers it can hold, and, sampled about once a second, how busy it is.
 */
package io.kinefold.monitor;
