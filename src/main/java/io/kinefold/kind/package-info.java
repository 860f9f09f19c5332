/**
 * Model kinds: each kind ({@code pose}, {@code start:E}, {@code rep:E}) is one class, a
 * {@link io.kinefold.kind.KindSpec}, that says all a kind is: its hyperparameter definitions, how
 * its samples are cut from a dataset and shaped for a grid point, its network, its names and its
 * cost. {@link io.kinefold.kind.Kinds} is the one registry the planner, the trainer, the estimates,
 * the reports and the forms look kinds up in. Above {@code data} and {@code model}, below
 * {@code experiment}. To add a kind: a class here and a line in {@code Kinds}.
 */
package io.kinefold.kind;
