package io.aidos.core.internal.search;

import java.util.List;

/** One comparison of a filter: field, operator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, NOT IN) and value(s). */
record Clause(Field field, String operator, List<Object> values) {
}
