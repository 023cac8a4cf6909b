package io.aidos.core.internal.tracking;

import io.aidos.api.RunQuery;
import io.aidos.core.internal.search.RunSearchSql;
import io.aidos.core.internal.search.SqlQuery;
import io.aidos.core.internal.store.Database;
import java.util.List;

/** Runs the SQL that {@link RunSearchSql} makes of a {@link RunQuery}. */
final class RunSearch {
    private RunSearch() {
    }

    static List<String> runIds(Database db, List<Long> experimentIds, RunQuery query) {
        SqlQuery sql = RunSearchSql.build(experimentIds, query.filter(), query.orderBy(), query.limit());
        return db.query("search runs", sql.sql(), rs -> rs.getString(1), sql.params().toArray());
    }
}
