package io.kinefold.experiment;

import io.kinefold.monitor.AppInfo;
import io.kinefold.monitor.MachineInfo;

/**
 * Where a result came from, stored with every run.
 *
 * @param appVersion Kinefold's version
 * @param java Java version and vendor
 * @param dl4j DL4J version
 * @param os operating system and architecture
 * @param cpu processor model
 * @param cores logical processors
 * @param ramBytes physical memory
 * @param datasetFingerprint hash of the samples the run trained on
 */
public record Provenance(String appVersion, String java, String dl4j, String os, String cpu, int cores, long ramBytes,
                         String datasetFingerprint) {

    /** The provenance of a run made here and now, on the dataset with this fingerprint. */
    public static Provenance here(String datasetFingerprint) {
        return new Provenance(
                AppInfo.version(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                AppInfo.dl4jVersion(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                MachineInfo.cpuModel(),
                MachineInfo.logicalCores(),
                MachineInfo.totalMemoryBytes(),
                datasetFingerprint);
    }
}
