package io.aidos.core.internal;

import io.aidos.api.Trainer;

/**
 * A trainer whose workers serve every organization of the store (the training module's): the trainer of an
 * organization view ({@link LocalAiDos#forOrganization}) comes from it, submitting and finding only that
 * organization's jobs, without workers of its own.
 */
public interface OrganizationTrainers {

    /** The trainer for {@code view}, an organization view of the store this trainer was opened on. */
    Trainer forOrganization(LocalAiDos view);
}
