package io.kinefold.experiment;

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
                         String datasetFingerprint) {}
