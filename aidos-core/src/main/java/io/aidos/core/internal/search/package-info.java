/**
 * Run search: parses MLflow-style filter and order-by strings and translates them into one SQL query over the
 * V1 store that runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL. Start at
 * {@link io.aidos.core.internal.search.RunSearchSql#build}.
 *
 * <p>Safety rule: every key and value the user wrote is bound as a JDBC parameter. Only names from the
 * {@link io.aidos.core.internal.search.Entity}, {@link io.aidos.core.internal.search.Attribute} and
 * {@link io.aidos.core.internal.search.Comparator} whitelists ever reach the SQL text.
 *
 * <h2>Filter</h2>
 * <pre>
 * filter  := "" | clause ("AND" clause)*            OR is rejected, as in MLflow
 * clause  := entity "." key operator value
 * entity  := metrics | metric | params | param | tags | tag | attributes | attribute | attr | run
 * key     := letters, digits and _ - . / :          e.g. tags.mlflow.source-name
 *          | `any text` | "any text"                 a quote inside is doubled: `it``s`
 * value   := number                                  1, -2, 0.5, .5, 1e-3 (never quoted)
 *          | 'text' | "text"                         a quote inside is doubled: 'it''s'; \ stays literal
 *          | "(" string ("," string)* ")"            IN and NOT IN only, at least one value
 * </pre>
 * <ul>
 *   <li>{@code metrics.<key>}: {@code = != < <= > >=} with a number, against the run's latest value.</li>
 *   <li>{@code params.<key>}, {@code tags.<key>}: {@code = != LIKE ILIKE IN NOT IN} with strings.
 *       LIKE patterns use {@code %} and {@code _}; a backslash escapes them.</li>
 *   <li>{@code attributes.status | run_name | run_id}: the string operators. Status values are checked against
 *       RUNNING, FINISHED, FAILED, KILLED, case-insensitively.</li>
 *   <li>{@code attributes.start_time | end_time}: the number operators, whole epoch milliseconds.</li>
 *   <li>{@code !=} and {@code NOT IN} on metrics, params and tags match only runs that have the key with another
 *       value (MLflow semantics); a run without the key never matches a clause on it.</li>
 *   <li>Keywords (AND, LIKE, ILIKE, IN, NOT IN), entity and attribute names are case-insensitive; keys and
 *       values are not (use ILIKE).</li>
 * </ul>
 *
 * <h2>Order by</h2>
 * Each clause is {@code entity.key [ASC|DESC]} or a bare attribute name ({@code start_time DESC}); ascending by
 * default. Runs missing an ordered metric, param, tag or end time sort last in either direction. Ties are broken
 * by {@code start_time DESC, run_id ASC}, which is also the order when none is given.
 *
 * <h2>Errors</h2>
 * Every problem is an {@link io.aidos.api.InvalidInputException} with field {@code filter} or {@code orderBy}
 * and a message such as {@code expected a comparison operator (=, !=, <, <=, > or >=) at position 17, found
 * '>>'}. Positions are 0-based character offsets.
 */
package io.aidos.core.internal.search;
