package io.tasklane.modules;

import io.tasklane.TasklaneApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(TasklaneApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseEachOtherOnlyThroughTheirInterfaces() {
        MODULES.forEach(System.out::println);
        MODULES.verify();
    }
}
