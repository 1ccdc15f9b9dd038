package io.tasklane.task;

/** A port the task listens on, and optionally the port it is published on outside its node. */
public record PortMapping(Integer containerPort, Integer externalPort) {
}
