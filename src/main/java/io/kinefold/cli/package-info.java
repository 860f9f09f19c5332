/**
 * The command line: picocli subcommands, each a {@code Callable<Integer>} over the engine API.
 * With {@code --json} a command prints one JSON document on stdout and nothing else there;
 * human output, progress and logs go to stderr. Exit codes: 0 success, 1 failure of the work,
 * 2 bad usage or bad input.
 */
package io.kinefold.cli;
