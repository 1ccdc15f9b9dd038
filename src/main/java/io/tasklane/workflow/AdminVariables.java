package io.tasklane.workflow;

/** Names of the pin-request and force-start processes, their messages, user tasks and variables. */
public final class AdminVariables {

    public static final String PIN_PROCESS_KEY = "pin-request";
    public static final String FORCE_START_PROCESS_KEY = "force-start";

    public static final String PIN_REQUEST_ID = "pinRequestId";
    public static final String FORCE_START_ID = "forceStartId";
    /** The request was made by an admin: it pins without a review. */
    public static final String BY_ADMIN = "byAdmin";
    /** Who decided: the requesting admin, or the admin who completed the review or confirmation. */
    public static final String DECIDED_BY = "decidedBy";
    /** The form's choice: "approve" or "reject" (pin review), "confirm" or "reject" (force-start). */
    public static final String DECISION = "decision";
    public static final String COMMENT = "comment";
    /** Set by "Plan the victims" / "Kill the victims": whether a plan fits the pinned task. */
    public static final String POSSIBLE = "possible";
    /** Set by "Plan again and kill the victims": the new plan kills a run that was not confirmed; ask again. */
    public static final String PLAN_CHANGED = "planChanged";

    /** ISO-8601 duration a confirmed force-start waits for its pinned task to get the freed GPUs. */
    public static final String WAIT_TIMEOUT = "waitTimeout";
    /** What came of a force-start that ended at "Force-start timed out", as its record says. */
    public static final String OUTCOME = "outcome";

    public static final String REVIEW_TASK = "ReviewPinRequest";
    public static final String CONFIRM_TASK = "ConfirmForceStart";
    public static final String PIN_ENDED = "PinEnded";

    private AdminVariables() {
    }
}
