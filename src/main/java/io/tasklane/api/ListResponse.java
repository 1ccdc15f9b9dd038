package io.tasklane.api;

import java.util.List;

/** Every list answer: how many match in all, and this page of them. */
record ListResponse<T>(long total, List<T> items) {
}
