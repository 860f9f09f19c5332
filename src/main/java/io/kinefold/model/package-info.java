/**
 * The models: hyperparameters as validated records with declared definitions (from which forms
 * are generated), the DL4J networks (dense and LSTM), and training with class-weighted loss,
 * optional early stopping and evaluation on a test fold.
 */
package io.kinefold.model;
