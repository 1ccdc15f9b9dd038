package io.tasklane.webhook;

/** How a notice's body is written: Tasklane's JSON, or Slack's incoming-webhook {@code {"text": "..."}}. */
public enum WebhookFormat {
    JSON, SLACK
}
