/**
 * From dataset rows to numbers: feature encoding (standardised numbers, one-hot categories, missing values), target
 * encoding (label indices, standardised regression values), and the train/validation split a job trains on.
 */
package io.aidos.training.internal.data;
