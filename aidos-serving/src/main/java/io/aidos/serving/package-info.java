/** Model serving — filled by the serving issue. */
package io.aidos.serving;
