package io.tasklane.web;

import java.time.ZoneId;
import java.util.List;

import io.tasklane.common.AddressedIds;
import io.tasklane.common.TaskId;
import io.tasklane.schedule.ScheduleService;
import io.tasklane.security.Caller;
import io.tasklane.security.Project;
import io.tasklane.security.ProjectService;
import io.tasklane.task.Task;
import io.tasklane.task.TaskService;
import io.tasklane.web.LaunchPreview.ClusterChoice;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Launch wizard: Resource, Settings, Schedule, Summary, then Launch. Opened empty, or filled from a task to copy
 * it or (while it is not active) edit it. Each move forward checks the steps left behind with the rules the launch
 * meets (see {@link Launcher}); a refusal shows the step and the field concerned, with everything typed kept.
 */
@Controller
class LaunchController {

    static final String ADD_WINDOW = "add-window";
    static final String LAUNCH = "launch";
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

    private final TaskService tasks;
    private final ScheduleService schedules;
    private final ProjectService projects;
    private final Launcher launcher;
    private final LaunchPreview preview;
    private final RuleWords ruleWords;

    LaunchController(TaskService tasks, ScheduleService schedules, ProjectService projects, Launcher launcher,
                     LaunchPreview preview, RuleWords ruleWords) {
        this.tasks = tasks;
        this.schedules = schedules;
        this.projects = projects;
        this.launcher = launcher;
        this.preview = preview;
        this.ruleWords = ruleWords;
    }

    @GetMapping("/launch")
    String open(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String copy,
                @RequestParam(required = false) String edit, Model model) {
        LaunchForm form;
        if (copy != null || edit != null) {
            LaunchMode mode = edit != null ? LaunchMode.EDIT : LaunchMode.COPY;
            Task task = tasks.get(caller, AddressedIds.task(edit != null ? edit : copy));
            Launcher.requireNoRoles(task);
            if (mode == LaunchMode.EDIT) {
                launcher.requireEditable(caller, task);
            }
            form = LaunchForm.of(mode, task.id().value(), task.spec(), schedules.viewOf(task.id()).schedule());
        } else {
            form = new LaunchForm();
            form.setProject(projects.list(caller).stream().map(Project::name).findFirst().orElse(null));
        }
        List<ClusterChoice> clusters = preview.clusters(caller);
        if (form.getCluster() == null && !clusters.isEmpty()) {
            form.setCluster(clusters.get(0).name());
        }
        return show(caller, form, LaunchStep.RESOURCE, LaunchErrors.none(), clusters, 0, model);
    }

    /** Every button of the wizard posts the whole form here; {@code go} says where to (a step, a window more, launch). */
    @PostMapping("/launch")
    String go(@AuthenticationPrincipal Caller caller, @ModelAttribute("form") LaunchForm form, @RequestParam(defaultValue = "") String go,
              Model model) {
        form.compactWindows();
        LaunchStep current = LaunchStep.of(form.getStep());
        List<ClusterChoice> clusters = preview.clusters(caller);
        LaunchDraft draft = LaunchDraft.of(form);
        if (ADD_WINDOW.equals(go)) {
            return show(caller, form, LaunchStep.SCHEDULE, LaunchErrors.none(), clusters, 1, model);
        }
        if (LAUNCH.equals(go)) {
            try {
                Task task = launcher.launch(caller, form.getMode(), source(form), draft, form.isStart());
                return "redirect:/tasks/" + task.id().value();
            } catch (Launcher.Refused refused) {
                LaunchErrors errors = new LaunchErrors(refused.violations(), ruleWords::say);
                return show(caller, form, errors.firstStep(), errors, clusters, 0, model);
            }
        }
        LaunchStep target = LaunchStep.isStep(go) ? LaunchStep.of(go) : current;
        if (target.ordinal() > current.ordinal()) {
            LaunchErrors errors = new LaunchErrors(launcher.check(caller, form.getMode(), source(form), draft), ruleWords::say).before(target);
            if (!errors.isEmpty()) {
                return show(caller, form, errors.firstStep(), errors, clusters, 0, model);
            }
        }
        return show(caller, form, target, LaunchErrors.none(), clusters, 0, model);
    }

    /** The GPUs the Resource step's size makes, refreshed as the person types (htmx). */
    @PostMapping("/launch/gpus")
    String gpus(@AuthenticationPrincipal Caller caller, @ModelAttribute("form") LaunchForm form, Model model) {
        model.addAttribute("gpus", preview.gpus(preview.clusters(caller), LaunchDraft.of(form)).orElse(null));
        return "launch :: gpus";
    }

    /** The Schedule step's next fire, refreshed as the person changes the schedule (htmx). */
    @PostMapping("/launch/next-fire")
    String nextFire(@AuthenticationPrincipal Caller caller, @ModelAttribute("form") LaunchForm form, Model model) {
        form.compactWindows();
        model.addAttribute("nextFire", preview.nextFire(preview.clusters(caller), LaunchDraft.of(form)).orElse(null));
        return "launch :: next-fire";
    }

    /** The wizard on {@code step}, with the rows of daily windows typed so far and {@code moreWindows} empty ones. */
    private String show(Caller caller, LaunchForm form, LaunchStep step, LaunchErrors errors, List<ClusterChoice> clusters,
                        int moreWindows, Model model) {
        form.setStep(step.key());
        form.compactWindows();
        LaunchDraft draft = LaunchDraft.of(form);
        form.padWindows(moreWindows);
        model.addAttribute("form", form);
        model.addAttribute("step", step);
        model.addAttribute("steps", LaunchStep.values());
        model.addAttribute("errors", errors);
        model.addAttribute("clusters", clusters);
        model.addAttribute("projects", projects.list(caller).stream().map(Project::name).toList());
        model.addAttribute("zones", ZONES);
        model.addAttribute("gpus", preview.gpus(clusters, draft).orElse(null));
        model.addAttribute("nextFire", preview.nextFire(clusters, draft).orElse(null));
        model.addAttribute("sourceName", form.getSource() == null ? null
                : tasks.get(caller, AddressedIds.task(form.getSource())).spec().name());
        return "launch";
    }

    private static TaskId source(LaunchForm form) {
        return form.getSource() == null ? null : AddressedIds.task(form.getSource());
    }
}
