package io.kinefold.data.synth;

/** The faults a synthetic repetition can show, with the ids written to the manifest. */
enum Fault {
    SHALLOW_DEPTH("shallow-depth"),
    KNEE_OVER_TOE("knee-over-toe"),
    SAGGING_HIPS("sagging-hips"),
    INCOMPLETE_LOCKOUT("incomplete-lockout"),
    ARCHED_BACK("arched-back");

    final String id;

    Fault(String id) {
        this.id = id;
    }
}
