package io.kinefold.data.synth;

import java.util.List;

/** The generated exercises, their manifest ids and the two faults each one shows. */
enum Exercise {
    SQUAT("squat", 1.0, Fault.SHALLOW_DEPTH, Fault.KNEE_OVER_TOE),
    PUSH_UP("push-up", 0.85, Fault.SAGGING_HIPS, Fault.INCOMPLETE_LOCKOUT),
    LUNGE("lunge", 1.15, Fault.KNEE_OVER_TOE, Fault.SHALLOW_DEPTH),
    SHOULDER_PRESS("shoulder-press", 0.9, Fault.INCOMPLETE_LOCKOUT, Fault.ARCHED_BACK);

    final String id;
    /** Repetition duration relative to the subject's tempo: a lunge takes a step out and back. */
    final double tempo;
    final List<Fault> faults;

    Exercise(String id, double tempo, Fault first, Fault second) {
        this.id = id;
        this.tempo = tempo;
        this.faults = List.of(first, second);
    }

    Motion<?> motion(Proportions body, Rng rng) {
        return switch (this) {
            case SQUAT -> new SquatMotion(body, rng);
            case PUSH_UP -> new PushUpMotion(body, rng);
            case LUNGE -> new LungeMotion(body, rng);
            case SHOULDER_PRESS -> new PressMotion(body, rng);
        };
    }

    /** The plank is long and low: filmed nearly head-on it would be a blur of foreshortening. */
    double minimumYawDegrees() {
        return this == PUSH_UP ? 40 : 15;
    }
}
