package io.tasklane.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordFieldsTest {

    record Review(String taskName, int gpus, String reason) {
    }

    @Test
    void givesEveryComponentByNameInDeclarationOrder() {
        var fields = RecordFields.of(new Review("train", 8, null));

        assertThat(fields.keySet()).containsExactly("taskName", "gpus", "reason");
        assertThat(fields).containsEntry("taskName", "train").containsEntry("gpus", 8).containsEntry("reason", null);
    }
}
