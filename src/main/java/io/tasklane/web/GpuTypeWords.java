package io.tasklane.web;

import io.tasklane.capacity.VirtualCluster;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A cluster's GPU type as the console shows it: the model a cluster declares is data and stays as it is; the
 * embedded default's stand-in slots on a host without GPUs are Tasklane's own words, so they are said in the page's
 * language.
 */
@Component
class GpuTypeWords {

    private final MessageSource messages;

    GpuTypeWords(MessageSource messages) {
        this.messages = messages;
    }

    String of(VirtualCluster cluster) {
        return cluster.hasGpus() ? cluster.gpuType() : messages.getMessage("gpuType.slots", null, LocaleContextHolder.getLocale());
    }
}
