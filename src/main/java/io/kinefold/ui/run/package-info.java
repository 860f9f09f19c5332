/**
 * The run view: choose a preset and a worker count, run it in the pool or in a single worker
 * process, and watch progress, workers, messages and live resource charts; a run can be
 * cancelled and resumed later from the store.
 */
package io.kinefold.ui.run;
