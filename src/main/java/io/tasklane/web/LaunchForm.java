package io.tasklane.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.tasklane.schedule.Schedule;
import io.tasklane.schedule.ScheduleType;
import io.tasklane.task.PortMapping;
import io.tasklane.task.StorageMount;
import io.tasklane.task.TaskSpec;

/**
 * Everything typed into the Launch wizard, as typed: numbers stay text until {@link LaunchDraft} reads them, so a
 * value the rules refuse is shown back exactly. Every step's fields travel in every post of the wizard (the steps
 * not shown are hidden fieldsets of the one form): the browser holds the wizard's state, nothing is kept in the
 * session for wizards left half done, two wizards in two tabs never mix, and the final post alone holds all that
 * the launch needs. A form-backing bean with setters because Spring binds request parameters into it.
 */
public class LaunchForm {

    /** Daily windows offered when a schedule has none yet; "add a window" adds one more. */
    static final int EMPTY_WINDOWS = 1;

    private LaunchMode mode = LaunchMode.NEW;
    private String source;
    private String step = LaunchStep.RESOURCE.key();
    private String cluster;
    private String skuPerReplica = "1";
    private String replicas = "1";
    private String name;
    private String project;
    private String kind = "JOB";
    private String entry = "COMMAND";
    private String rayFilePath;
    private String rayDeploymentName;
    private String command;
    private String args;
    private String image;
    private String ports;
    private String env;
    private String storages;
    private String tags;
    private String priority = String.valueOf(TaskSpec.DEFAULT_PRIORITY);
    private String activeDeadlineSeconds = String.valueOf(TaskSpec.DEFAULT_ACTIVE_DEADLINE_SECONDS);
    private String description;
    private String scheduleType = ScheduleType.MANUAL.name();
    private String timeZone = "UTC";
    private String at;
    private String startDate;
    private boolean active = true;
    private List<WindowRow> windows = new ArrayList<>();
    private boolean start;

    /** The wizard filled from a task's configuration and schedule, for a copy or an edit of it. */
    static LaunchForm of(LaunchMode mode, String taskId, TaskSpec spec, Schedule schedule) {
        LaunchForm form = new LaunchForm();
        form.mode = mode;
        form.source = taskId;
        form.cluster = spec.cluster();
        form.skuPerReplica = String.valueOf(spec.skuPerReplica());
        form.replicas = String.valueOf(spec.replicas());
        // A copy without a name of its own is named by the copy rule (<name>-copy); the field's hint says so.
        form.name = mode == LaunchMode.COPY ? null : spec.name();
        form.project = spec.project();
        form.kind = spec.kind().name();
        form.entry = spec.ray() != null ? "RAY" : "COMMAND";
        if (spec.ray() != null) {
            form.rayFilePath = spec.ray().filePath();
            form.rayDeploymentName = spec.ray().deploymentName();
        } else {
            form.command = CommandLine.join(spec.command() == null ? List.of() : spec.command());
            form.args = spec.args() == null ? null : CommandLine.join(spec.args());
        }
        form.image = spec.image();
        form.ports = spec.ports().stream().map(LaunchForm::portLine).collect(Collectors.joining("\n"));
        form.env = spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
        form.storages = spec.storages().stream().map(LaunchForm::storageLine).collect(Collectors.joining("\n"));
        form.tags = String.join(", ", spec.tags());
        form.priority = String.valueOf(spec.priority());
        form.activeDeadlineSeconds = String.valueOf(spec.activeDeadlineSeconds());
        form.description = spec.description();
        form.scheduleType = schedule.type().name();
        form.timeZone = schedule.zone().getId();
        form.at = schedule.at() == null ? null : schedule.at().toString();
        form.startDate = schedule.startDate() == null ? null : schedule.startDate().toString();
        form.active = schedule.type() == ScheduleType.MANUAL || schedule.active();
        form.windows = schedule.windows().stream()
                .map(w -> new WindowRow(w.time().toString(), String.valueOf(w.minReplicas()), String.valueOf(w.maxReplicas())))
                .collect(Collectors.toCollection(ArrayList::new));
        return form;
    }

    /** Drops window rows left empty, so the rules' indices ({@code windows[1]}) are the rows shown. */
    void compactWindows() {
        windows = windows.stream().filter(w -> !w.isBlank()).collect(Collectors.toCollection(ArrayList::new));
    }

    /** At least {@link #EMPTY_WINDOWS} rows to type into, plus {@code more}. */
    void padWindows(int more) {
        int wanted = Math.max(windows.size() + more, EMPTY_WINDOWS);
        while (windows.size() < wanted) {
            windows.add(new WindowRow());
        }
    }

    /** A copy or an edit keeps its task's project and kind: the wizard shows them, not to be changed. */
    public boolean fixesProjectAndKind() {
        return mode != LaunchMode.NEW;
    }

    private static String portLine(PortMapping port) {
        return port.externalPort() == null ? String.valueOf(port.containerPort()) : port.containerPort() + ":" + port.externalPort();
    }

    private static String storageLine(StorageMount storage) {
        return storage.name() + ":" + storage.mountPath() + (Boolean.TRUE.equals(storage.readOnly()) ? ":ro" : "");
    }

    /** One daily window as typed: from {@code time} on, between min and max replicas. */
    public static class WindowRow {
        private String time;
        private String minReplicas;
        private String maxReplicas;

        public WindowRow() {
        }

        WindowRow(String time, String minReplicas, String maxReplicas) {
            this.time = time;
            this.minReplicas = minReplicas;
            this.maxReplicas = maxReplicas;
        }

        boolean isBlank() {
            return LaunchDraft.blank(time) && LaunchDraft.blank(minReplicas) && LaunchDraft.blank(maxReplicas);
        }

        public String getTime() { return time; }
        public void setTime(String time) { this.time = time; }
        public String getMinReplicas() { return minReplicas; }
        public void setMinReplicas(String minReplicas) { this.minReplicas = minReplicas; }
        public String getMaxReplicas() { return maxReplicas; }
        public void setMaxReplicas(String maxReplicas) { this.maxReplicas = maxReplicas; }
    }

    // Accessors for Spring's binding and the template.
    public LaunchMode getMode() { return mode; }
    public void setMode(LaunchMode mode) { this.mode = mode; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = LaunchDraft.blank(source) ? null : source; }
    public String getStep() { return step; }
    public void setStep(String step) { this.step = step; }
    public String getCluster() { return cluster; }
    public void setCluster(String cluster) { this.cluster = cluster; }
    public String getSkuPerReplica() { return skuPerReplica; }
    public void setSkuPerReplica(String skuPerReplica) { this.skuPerReplica = skuPerReplica; }
    public String getReplicas() { return replicas; }
    public void setReplicas(String replicas) { this.replicas = replicas; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getProject() { return project; }
    public void setProject(String project) { this.project = project; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getEntry() { return entry; }
    public void setEntry(String entry) { this.entry = entry; }
    public String getRayFilePath() { return rayFilePath; }
    public void setRayFilePath(String rayFilePath) { this.rayFilePath = rayFilePath; }
    public String getRayDeploymentName() { return rayDeploymentName; }
    public void setRayDeploymentName(String rayDeploymentName) { this.rayDeploymentName = rayDeploymentName; }
    public String getCommand() { return command; }
    public void setCommand(String command) { this.command = command; }
    public String getArgs() { return args; }
    public void setArgs(String args) { this.args = args; }
    public String getImage() { return image; }
    public void setImage(String image) { this.image = image; }
    public String getPorts() { return ports; }
    public void setPorts(String ports) { this.ports = ports; }
    public String getEnv() { return env; }
    public void setEnv(String env) { this.env = env; }
    public String getStorages() { return storages; }
    public void setStorages(String storages) { this.storages = storages; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    public String getPriority() { return priority; }
    public void setPriority(String priority) { this.priority = priority; }
    public String getActiveDeadlineSeconds() { return activeDeadlineSeconds; }
    public void setActiveDeadlineSeconds(String activeDeadlineSeconds) { this.activeDeadlineSeconds = activeDeadlineSeconds; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getScheduleType() { return scheduleType; }
    public void setScheduleType(String scheduleType) { this.scheduleType = scheduleType; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public String getAt() { return at; }
    public void setAt(String at) { this.at = at; }
    public String getStartDate() { return startDate; }
    public void setStartDate(String startDate) { this.startDate = startDate; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public List<WindowRow> getWindows() { return windows; }
    public void setWindows(List<WindowRow> windows) { this.windows = windows; }
    public boolean isStart() { return start; }
    public void setStart(boolean start) { this.start = start; }

}
