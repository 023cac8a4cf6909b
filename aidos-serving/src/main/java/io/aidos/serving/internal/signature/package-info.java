/** What served models take and give, in Open Inference Protocol terms (tensors with names, datatypes, shapes). */
package io.aidos.serving.internal.signature;
