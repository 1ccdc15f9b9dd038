package io.tasklane.common;

import java.util.regex.Pattern;

/** Name rules shared by tasks, projects, clusters and tags: Kubernetes' DNS label (RFC 1123). */
public final class Names {

    public static final int DNS_LABEL_MAX = 63;
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private Names() {
    }

    public static boolean isDnsLabel(String value) {
        return value != null && value.length() <= DNS_LABEL_MAX && DNS_LABEL.matcher(value).matches();
    }

    /** A violation for {@code field} unless {@code value} is a DNS label; null when it is one. */
    public static FieldViolation dnsLabelViolation(String field, String value) {
        if (value == null || value.isBlank()) {
            return new FieldViolation(field, "required", field + " is required");
        }
        if (!isDnsLabel(value)) {
            return FieldViolation.of(field, "dns-label", field + " '" + value
                    + "' must be at most 63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit", value);
        }
        return null;
    }
}
