/** The algorithm catalog: what an algorithm is, its validated parameters, and what training hands it. */
package io.aidos.training.internal.algorithm;
