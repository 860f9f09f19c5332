package io.kinefold.cluster;

import io.kinefold.exec.WorkerInfo;

/**
 * What a node's worker reported, or what became of it, on its way to the coordinator over the
 * session's topic, as JSON: one {@code WorkerPool.Event} of the node's local pool, with the
 * worker as the node sees it after the event.
 *
 * @param worker the worker's name on the node ({@code w1}…)
 * @param kind {@code ready}, {@code started}, {@code finished}, {@code died}, {@code alive},
 *     {@code garbage} or {@code fatal}
 * @param info the worker after the event, or null when the node no longer knew it
 * @param line for {@code finished}, the worker protocol's {@code finished} message
 * @param text the trial key ({@code started}), last error ({@code died}), the line
 *     ({@code garbage}) or the message ({@code fatal})
 * @param number the RSS ({@code ready}) or exit code ({@code died})
 * @param seconds the start time ({@code ready})
 */
record NodeEvent(String worker, String kind, WorkerInfo info, String line, String text, long number, double seconds) {}
