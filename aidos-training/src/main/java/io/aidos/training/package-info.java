/** Real training (Tribuo, DJL) — filled by the training issue. */
package io.aidos.training;
