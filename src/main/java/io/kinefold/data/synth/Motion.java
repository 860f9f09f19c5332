package io.kinefold.data.synth;

/**
 * How one exercise moves, for one subject. A motion is built with that subject's body and habits
 * (stance, arm position, typical range), plans each repetition with or without a fault, and poses
 * the body at any instant.
 *
 * <p>Fault severities are drawn from distributions that overlap those of correct repetitions,
 * because real lifters do not fall into two clean groups: some correct squats are a little
 * shallow and some shallow ones nearly reach parallel.
 *
 * @param <R> the shape of one repetition
 */
sealed interface Motion<R> permits SquatMotion, PushUpMotion, LungeMotion, PressMotion {

    /** Plans repetition number {@code index} (from 0); {@code fault} is null for a correct one. */
    R plan(Fault fault, int index, Rng rng);

    /** Duration of this repetition relative to the subject's tempo: small ranges finish sooner. */
    double relativeDuration(R rep);

    /** The start position, which must not depend on any repetition. */
    Vec3[] start(Sway sway);

    /** The pose at {@code u} from 0 (leaving the start position) to 1 (back in it). */
    Vec3[] pose(R rep, double u, Sway sway);
}
