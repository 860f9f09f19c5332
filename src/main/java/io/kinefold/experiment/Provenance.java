package io.kinefold.experiment;

import io.kinefold.monitor.AppInfo;
import io.kinefold.monitor.MachineInfo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * @param recordingFingerprints the same hash per recording id, so that a resume can name what
 *     changed; null in runs stored before it was kept
 */
public record Provenance(String appVersion, String java, String dl4j, String os, String cpu, int cores, long ramBytes,
                         String datasetFingerprint, Map<String, String> recordingFingerprints) {

    public Provenance {
        recordingFingerprints = recordingFingerprints == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(recordingFingerprints));
    }

    /** A provenance without per-recording fingerprints, as runs were stored before they were kept. */
    public Provenance(String appVersion, String java, String dl4j, String os, String cpu, int cores, long ramBytes,
                      String datasetFingerprint) {
        this(appVersion, java, dl4j, os, cpu, cores, ramBytes, datasetFingerprint, null);
    }

    /** The provenance of a run made here and now, on the workload's dataset. */
    public static Provenance here(Workload workload) {
        return here(workload.fingerprint(), workload.recordingFingerprints());
    }

    /** The provenance of a run made here and now, on the dataset with these fingerprints. */
    public static Provenance here(String datasetFingerprint, Map<String, String> recordingFingerprints) {
        return new Provenance(
                AppInfo.version(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                AppInfo.dl4jVersion(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                MachineInfo.cpuModel(),
                MachineInfo.logicalCores(),
                MachineInfo.totalMemoryBytes(),
                datasetFingerprint,
                recordingFingerprints);
    }
}
