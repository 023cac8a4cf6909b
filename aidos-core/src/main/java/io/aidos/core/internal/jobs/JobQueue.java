package io.aidos.core.internal.jobs;

import io.aidos.api.InvalidInputException;
import io.aidos.api.NotFoundException;
import io.aidos.core.internal.store.Database;
import io.aidos.core.internal.store.Ids;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The jobs table as a queue. Every state change is one conditional UPDATE that names the expected state (and, for a
 * worker, its own id), so a worker that lost its lease can never overwrite what the job's new owner did.
 *
 * <p>A queue made with {@link #JobQueue(Database)} is the workers' view: it claims jobs of every organization
 * ({@link JobContext#orgId()} tells a handler whose job it runs). {@link #forOrganization(String)} is a caller's
 * view: it submits jobs into one organization, and finds, lists and cancels only that organization's jobs.
 */
public final class JobQueue {
    private static final String COLUMNS = "id, kind, spec, status, attempts, max_attempts, worker_id, lease_until,"
            + " cancel_requested, result, error, created_at, started_at, finished_at, org_id";
    private final Database db;
    private final String orgId; // null: every organization (workers)

    public JobQueue(Database db) {
        this(db, null);
    }

    private JobQueue(Database db, String orgId) {
        this.db = db;
        this.orgId = orgId;
    }

    /** This queue as organization {@code orgId} sees it. */
    public JobQueue forOrganization(String orgId) {
        return new JobQueue(db, java.util.Objects.requireNonNull(orgId, "orgId"));
    }

    private String ownOrg() {
        return orgId == null ? "local" : orgId;
    }

    /** Stores a new QUEUED job and returns its id. */
    public String submit(String kind, String spec, int maxAttempts) {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new InvalidInputException("maxAttempts", maxAttempts, "must be between 1 and 100");
        }
        String id = Ids.newId();
        db.update("submit job", "INSERT INTO jobs (id, kind, spec, status, attempts, max_attempts, cancel_requested,"
                + " created_at, org_id) VALUES (?, ?, ?, ?, 0, ?, FALSE, ?, ?)", id, kind, spec,
                JobStatus.QUEUED.name(), maxAttempts, System.currentTimeMillis(), ownOrg());
        return id;
    }

    public JobRecord get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("job", id));
    }

    public Optional<JobRecord> find(String id) {
        if (orgId == null) {
            return db.queryOne("get job", "SELECT " + COLUMNS + " FROM jobs WHERE id = ?", JobQueue::map, id);
        }
        return db.queryOne("get job", "SELECT " + COLUMNS + " FROM jobs WHERE id = ? AND org_id = ?", JobQueue::map,
                id, orgId);
    }

    public List<JobRecord> list(int limit) {
        if (orgId == null) {
            return db.query("list jobs", "SELECT " + COLUMNS + " FROM jobs ORDER BY created_at DESC, id LIMIT ?",
                    JobQueue::map, limit);
        }
        return db.query("list jobs", "SELECT " + COLUMNS + " FROM jobs WHERE org_id = ? ORDER BY created_at DESC,"
                + " id LIMIT ?", JobQueue::map, orgId, limit);
    }

    /**
     * Claims the oldest claimable job of {@code kinds}: QUEUED, or RUNNING with an expired lease (its worker is
     * gone). A job whose attempts are used up fails instead. Locked rows are skipped, so concurrent claimers in
     * any process get different jobs.
     */
    public Optional<JobRecord> claim(String workerId, List<String> kinds, Duration lease) {
        while (true) {
            long now = System.currentTimeMillis();
            Optional<Optional<JobRecord>> attempt = db.inTransaction("claim job", c -> claimOnce(c, workerId, kinds,
                    now, lease));
            if (attempt.isPresent()) {
                return attempt.get();
            }
            // a job with no attempts left was failed; look again
        }
    }

    private Optional<Optional<JobRecord>> claimOnce(Connection c, String workerId, List<String> kinds, long now,
                                                    Duration lease) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(kinds.size(), "?"));
        Object[] params = new Object[kinds.size() + 3];
        params[0] = JobStatus.QUEUED.name();
        params[1] = JobStatus.RUNNING.name();
        params[2] = now;
        for (int i = 0; i < kinds.size(); i++) {
            params[3 + i] = kinds.get(i);
        }
        List<JobRecord> found = Database.query(c, "SELECT " + COLUMNS + " FROM jobs WHERE (status = ? OR (status = ?"
                + " AND lease_until < ?)) AND kind IN (" + marks + ") ORDER BY created_at, id LIMIT 1"
                + " FOR UPDATE SKIP LOCKED", JobQueue::map, params);
        if (found.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        JobRecord job = found.get(0);
        if (job.cancelRequested()) {
            finish(c, job.id(), JobStatus.CANCELLED, null, "cancelled while its worker was gone", now);
            return Optional.empty();
        }
        if (job.attempts() >= job.maxAttempts()) {
            finish(c, job.id(), JobStatus.FAILED, null, "worker " + job.workerId() + " was lost and all "
                    + job.maxAttempts() + " attempts are used", now);
            return Optional.empty();
        }
        Database.update(c, "UPDATE jobs SET status = ?, worker_id = ?, lease_until = ?, attempts = attempts + 1,"
                + " started_at = COALESCE(started_at, ?) WHERE id = ?", JobStatus.RUNNING.name(), workerId,
                now + lease.toMillis(), now, job.id());
        return Optional.of(Database.query(c, "SELECT " + COLUMNS + " FROM jobs WHERE id = ?", JobQueue::map, job.id())
                .stream().findFirst());
    }

    /**
     * Renews the lease. False when this worker no longer owns the job (its lease expired and another worker took
     * it, or it ended): the caller must stop working on it.
     */
    public boolean heartbeat(String id, String workerId, Duration lease) {
        return db.update("renew job lease", "UPDATE jobs SET lease_until = ? WHERE id = ? AND worker_id = ? AND status = ?",
                System.currentTimeMillis() + lease.toMillis(), id, workerId, JobStatus.RUNNING.name()) > 0;
    }

    /** Ends the job as SUCCEEDED; false if this worker no longer owns it. */
    public boolean succeed(String id, String workerId, String result) {
        return endOwned(id, workerId, JobStatus.SUCCEEDED, result, null);
    }

    /** Ends the job as FAILED, or queues it again when {@code retry} and attempts remain. */
    public boolean fail(String id, String workerId, String error, boolean retry) {
        String shortError = error == null ? null : error.length() > 10_000 ? error.substring(0, 10_000) : error;
        if (retry && db.update("requeue job", "UPDATE jobs SET status = ?, worker_id = NULL, lease_until = NULL,"
                + " error = ? WHERE id = ? AND worker_id = ? AND status = ? AND attempts < max_attempts",
                JobStatus.QUEUED.name(), shortError, id, workerId, JobStatus.RUNNING.name()) > 0) {
            return true;
        }
        return endOwned(id, workerId, JobStatus.FAILED, null, shortError);
    }

    /**
     * Puts a job this worker stopped for its own shutdown back in the queue, giving back the attempt; false if this
     * worker no longer owns it.
     */
    public boolean release(String id, String workerId) {
        return db.update("release job", "UPDATE jobs SET status = ?, worker_id = NULL, lease_until = NULL,"
                + " attempts = attempts - 1 WHERE id = ? AND worker_id = ? AND status = ?", JobStatus.QUEUED.name(),
                id, workerId, JobStatus.RUNNING.name()) > 0;
    }

    /** Ends the job as CANCELLED after its worker stopped on request. */
    public boolean cancelled(String id, String workerId) {
        return endOwned(id, workerId, JobStatus.CANCELLED, null, "cancelled on request");
    }

    /**
     * Asks for cancellation: a QUEUED job is cancelled at once; a RUNNING one is flagged, and its worker sees the
     * flag at its next heartbeat or check. Returns the status after the request.
     */
    public JobStatus cancel(String id) {
        get(id); // another organization's job is not found
        long now = System.currentTimeMillis();
        db.update("cancel job", "UPDATE jobs SET status = ?, finished_at = ?, error = ? WHERE id = ? AND status = ?",
                JobStatus.CANCELLED.name(), now, "cancelled before it started", id, JobStatus.QUEUED.name());
        db.update("cancel job", "UPDATE jobs SET cancel_requested = TRUE WHERE id = ? AND status = ?", id,
                JobStatus.RUNNING.name());
        return get(id).status();
    }

    public boolean cancelRequested(String id) {
        return get(id).cancelRequested();
    }

    /** Appends a log line; lines of one job are numbered 1, 2, 3 ... in order. */
    public void log(String id, String line) {
        String text = line.length() > 10_000 ? line.substring(0, 10_000) : line;
        db.inTransaction("append job log", c -> {
            Database.query(c, "SELECT id FROM jobs WHERE id = ? FOR UPDATE", rs -> 1, id); // orders concurrent appends
            long seq = Database.query(c, "SELECT COALESCE(MAX(seq), 0) + 1 FROM job_logs WHERE job_id = ?",
                    rs -> rs.getLong(1), id).get(0);
            Database.update(c, "INSERT INTO job_logs (job_id, seq, ts, line) VALUES (?, ?, ?, ?)", id, seq,
                    System.currentTimeMillis(), text);
            return null;
        });
    }

    /** Log lines after {@code afterSeq}, in order. */
    public List<JobLogLine> logs(String id, long afterSeq) {
        if (orgId != null) {
            get(id);
        }
        return db.query("read job log", "SELECT seq, ts, line FROM job_logs WHERE job_id = ? AND seq > ? ORDER BY seq",
                rs -> new JobLogLine(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3)), id, afterSeq);
    }

    private boolean endOwned(String id, String workerId, JobStatus status, String result, String error) {
        return db.update("end job", "UPDATE jobs SET status = ?, result = ?, error = ?, finished_at = ?,"
                + " lease_until = NULL WHERE id = ? AND worker_id = ? AND status = ?", status.name(), result, error,
                System.currentTimeMillis(), id, workerId, JobStatus.RUNNING.name()) > 0;
    }

    private static void finish(Connection c, String id, JobStatus status, String result, String error, long now)
            throws SQLException {
        Database.update(c, "UPDATE jobs SET status = ?, result = ?, error = ?, finished_at = ?, lease_until = NULL"
                + " WHERE id = ?", status.name(), result, error, now, id);
    }

    private static JobRecord map(ResultSet rs) throws SQLException {
        return new JobRecord(rs.getString(1), rs.getString(2), rs.getString(3), JobStatus.valueOf(rs.getString(4)),
                rs.getInt(5), rs.getInt(6), rs.getString(7), instant(rs, 8), rs.getBoolean(9), rs.getString(10),
                rs.getString(11), instant(rs, 12), instant(rs, 13), instant(rs, 14), rs.getString(15));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
