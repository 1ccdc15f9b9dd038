package io.tasklane.preemption;

/** What a confirmed force-start did: killing the victims, nothing at all, or asking again for a changed plan. */
public enum ConfirmationResult {
    /** The victims are asked to die; the pinned task waits for their GPUs. */
    KILLING,
    /** Nothing killed, and the force-start is over (see its outcome). */
    NOTHING_KILLED,
    /** The plan made again kills a run the admin did not confirm: nothing killed, a new confirmation is due. */
    PLAN_CHANGED
}
