package io.tasklane.api;

import java.util.List;

import io.tasklane.security.Caller;
import io.tasklane.usage.ProjectQuota;
import io.tasklane.usage.Quotas;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A project's quotas per cluster and its use against them; admins set and remove them. */
@RestController
@RequestMapping(path = "/api/v1/projects/{name}/quotas", produces = MediaType.APPLICATION_JSON_VALUE)
class QuotaController {

    record QuotaRequest(Integer maxSkus) {
    }

    private final Quotas quotas;

    QuotaController(Quotas quotas) {
        this.quotas = quotas;
    }

    @GetMapping
    ListResponse<ProjectQuota> list(@AuthenticationPrincipal Caller caller, @PathVariable String name) {
        List<ProjectQuota> items = quotas.ofProject(caller, name);
        return new ListResponse<>(items.size(), items);
    }

    @PutMapping(path = "/{cluster}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProjectQuota set(@AuthenticationPrincipal Caller caller, @PathVariable String name, @PathVariable String cluster,
                     @RequestBody QuotaRequest request) {
        return quotas.set(caller, name, ApiIds.cluster(cluster), request.maxSkus());
    }

    @DeleteMapping("/{cluster}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@AuthenticationPrincipal Caller caller, @PathVariable String name, @PathVariable String cluster) {
        quotas.remove(caller, name, ApiIds.cluster(cluster));
    }
}
