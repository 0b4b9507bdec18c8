package dev.ignite.gitops.http;

/** What became of one webhook request: the {@code result} label of its counter. */
public enum WebhookResult {
  /** Authenticated; a sync was requested. */
  ACCEPTED("accepted"),
  /** GitHub's ping when a hook is created: authenticated, answered, no sync. */
  PING("ping"),
  /** No credential, or one that does not match the secret: 401. */
  UNAUTHORIZED("unauthorized"),
  /** A body over {@link WebhookReceiver#MAX_BODY_BYTES}: 413. */
  TOO_LARGE("too_large"),
  /** Anything but POST: 405. */
  METHOD_NOT_ALLOWED("method_not_allowed");

  private final String label;

  WebhookResult(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
