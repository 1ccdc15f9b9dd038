package io.tasklane.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagrams of processes/*.bpmn draw right in any renderer (Camunda Modeler, Cockpit, bpmn-js): every
 * flow node, sequence flow and association is drawn exactly once, in the plane of its scope (a collapsed
 * subprocess has a plane of its own, as Modeler draws a drill-down), no two shapes of a plane overlap,
 * and every edge runs from its source's shape to its target's.
 */
class ProcessDiagramsTest {

    /** How far (in diagram units) an edge's end may lie outside the shape it joins. */
    static final double TOLERANCE = 2;

    static Stream<Path> processes() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("processes")
    void everyElementIsDrawnOnceInThePlaneOfItsScope(Path file) {
        Diagram diagram = Diagram.read(file);
        List<String> problems = new ArrayList<>();
        for (BaseElement element : diagram.drawable()) {
            List<DrawnIn> drawings = diagram.drawings.getOrDefault(element.getId(), List.of());
            String plane = diagram.planeOfScope(element.getParentElement());
            List<String> planes = drawings.stream().map(DrawnIn::plane).toList();
            if (!planes.equals(List.of(plane))) {
                problems.add(element.getId() + " is drawn in " + planes + ", expected once in " + plane);
            }
        }
        diagram.drawings.keySet().stream().filter(id -> diagram.model.getModelElementById(id) == null)
                .forEach(id -> problems.add("a drawing names " + id + ", which the process does not have"));
        assertThat(problems).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("processes")
    void noTwoShapesOfAPlaneOverlap(Path file) {
        Diagram diagram = Diagram.read(file);
        List<String> problems = new ArrayList<>();
        List<DrawnIn> shapes = diagram.drawings.values().stream().flatMap(List::stream)
                .filter(d -> d.element() instanceof BpmnShape).toList();
        for (int i = 0; i < shapes.size(); i++) {
            for (int j = i + 1; j < shapes.size(); j++) {
                DrawnIn a = shapes.get(i);
                DrawnIn b = shapes.get(j);
                if (a.plane().equals(b.plane()) && !diagram.drawnOnEachOther(a, b) && overlap(bounds(a), bounds(b))) {
                    problems.add(a.id() + " and " + b.id() + " overlap in " + a.plane());
                }
            }
        }
        assertThat(problems).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("processes")
    void everyEdgeRunsFromItsSourceToItsTarget(Path file) {
        Diagram diagram = Diagram.read(file);
        List<String> problems = new ArrayList<>();
        for (BaseElement element : diagram.drawable()) {
            String[] ends = ends(element);
            if (ends == null) {
                continue;
            }
            for (DrawnIn edge : diagram.drawings.getOrDefault(element.getId(), List.of())) {
                if (!(edge.element() instanceof BpmnEdge drawn)) {
                    problems.add(edge.id() + " is drawn as a shape, not an edge");
                    continue;
                }
                List<Waypoint> points = new ArrayList<>(drawn.getWaypoints());
                checkEnd(diagram, edge, ends[0], points.get(0), "starts", problems);
                checkEnd(diagram, edge, ends[1], points.get(points.size() - 1), "ends", problems);
            }
        }
        assertThat(problems).as(file.toString()).isEmpty();
    }

    private static void checkEnd(Diagram diagram, DrawnIn edge, String node, Waypoint point, String verb, List<String> problems) {
        DrawnIn shape = diagram.drawings.getOrDefault(node, List.of()).stream()
                .filter(d -> d.plane().equals(edge.plane()) && d.element() instanceof BpmnShape).findFirst().orElse(null);
        if (shape == null || !contains(bounds(shape), point)) {
            problems.add(edge.id() + " " + verb + " at (" + point.getX() + ", " + point.getY() + "), off the shape of " + node);
        }
    }

    /** The ids of what a sequence flow or association connects; null for anything else. */
    private static String[] ends(BaseElement element) {
        if (element instanceof SequenceFlow flow) {
            return new String[] {flow.getSource().getId(), flow.getTarget().getId()};
        }
        if (element instanceof Association association) {
            return new String[] {association.getSource().getId(), association.getTarget().getId()};
        }
        return null;
    }

    private static Bounds bounds(DrawnIn shape) {
        return ((BpmnShape) shape.element()).getBounds();
    }

    private static boolean overlap(Bounds a, Bounds b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }

    private static boolean contains(Bounds b, Waypoint p) {
        return p.getX() >= b.getX() - TOLERANCE && p.getX() <= b.getX() + b.getWidth() + TOLERANCE
                && p.getY() >= b.getY() - TOLERANCE && p.getY() <= b.getY() + b.getHeight() + TOLERANCE;
    }

    /** One drawing of a BPMN element: its DI element and the plane (named by its process or subprocess) it is in. */
    record DrawnIn(String id, String plane, DiagramElement element) {
    }

    /** A BPMN file's model and where each of its elements is drawn. */
    record Diagram(BpmnModelInstance model, Map<String, List<DrawnIn>> drawings) {

        static Diagram read(Path file) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            Map<String, List<DrawnIn>> drawings = new HashMap<>();
            for (BpmnPlane plane : model.getModelElementsByType(BpmnPlane.class)) {
                String planeOf = plane.getAttributeValue("bpmnElement");
                for (DiagramElement element : plane.getDiagramElements()) {
                    String id = element.getAttributeValue("bpmnElement");
                    drawings.computeIfAbsent(id, k -> new ArrayList<>()).add(new DrawnIn(id, planeOf, element));
                }
            }
            return new Diagram(model, drawings);
        }

        /** What a diagram must show: flow nodes (events, activities, gateways), sequence flows, associations. */
        List<BaseElement> drawable() {
            List<BaseElement> elements = new ArrayList<>();
            elements.addAll(model.getModelElementsByType(FlowElement.class).stream()
                    .filter(e -> e instanceof FlowNode || e instanceof SequenceFlow).toList());
            elements.addAll(model.getModelElementsByType(Association.class));
            return elements;
        }

        /** A process's elements are drawn in its plane, a collapsed subprocess's in its own, an expanded one's around it. */
        String planeOfScope(ModelElementInstance scope) {
            String id = scope.getAttributeValue("id");
            if (scope instanceof SubProcess && isExpanded(id)) {
                return planeOfScope(scope.getParentElement());
            }
            return id;
        }

        private boolean isExpanded(String id) {
            return drawings.getOrDefault(id, List.of()).stream()
                    .anyMatch(d -> "true".equals(d.element().getAttributeValue("isExpanded")));
        }

        /** A boundary event sits on its activity's border, and an expanded subprocess's shape holds its contents. */
        boolean drawnOnEachOther(DrawnIn a, DrawnIn b) {
            return attachedTo(a, b) || attachedTo(b, a) || inside(a.id(), b.id()) || inside(b.id(), a.id());
        }

        private boolean attachedTo(DrawnIn event, DrawnIn activity) {
            return model.getModelElementById(event.id()) instanceof BoundaryEvent boundary
                    && boundary.getAttachedTo().getId().equals(activity.id());
        }

        private boolean inside(String id, String containerId) {
            ModelElementInstance element = model.getModelElementById(id);
            for (ModelElementInstance e = element == null ? null : element.getParentElement(); e != null; e = e.getParentElement()) {
                if (containerId.equals(e.getAttributeValue("id"))) {
                    return true;
                }
            }
            return false;
        }
    }
}
