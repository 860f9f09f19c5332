/**
 * Kinefold: a desktop workbench for cross-validated pose-model experiments. {@link io.kinefold.Main}
 * starts the GUI without arguments and the command line with them.
 */
package io.kinefold;
