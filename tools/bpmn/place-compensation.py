#!/usr/bin/env python3
"""Moves compensation handlers above the activity they undo, draws their associations, and
spreads boundary events that the auto layout stacked on one spot. Usage: place-compensation.py FILE"""
import re
import sys

SHIFT = 160  # room above the main row for the handlers

path = sys.argv[1]
xml = open(path, encoding="utf-8").read()

def bounds(element):
    m = re.search(r'bpmnElement="%s">\s*<dc:Bounds x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"' % element, xml)
    return [float(v) for v in m.groups()] if m else None

def set_bounds(element, x, y):
    global xml
    xml = re.sub(r'(bpmnElement="%s">\s*<dc:Bounds )x="[\d.]+" y="[\d.]+"' % element,
                 lambda m: '%sx="%g" y="%g"' % (m.group(1), x, y), xml)

# 1. Shift the whole diagram down to make room above the main row.
xml = re.sub(r'(<(?:dc:Bounds|di:waypoint) x="[\d.]+" y=")([\d.]+)"',
             lambda m: '%s%g"' % (m.group(1), float(m.group(2)) + SHIFT), xml)

# 2. Each compensation boundary event goes to its host's top edge, its handler above it.
pairs = re.findall(r'<bpmn:association id="([^"]+)"[^>]*sourceRef="([^"]+)" targetRef="([^"]+)"', xml)
edges = []
for association, boundary, handler in pairs:
    host = re.search(r'id="%s"[^>]*attachedToRef="([^"]+)"' % boundary, xml).group(1)
    hx, hy, hw, hh = bounds(host)
    bx, by = hx + hw / 2 - 18, hy - 18
    set_bounds(boundary, bx, by)
    handler_x, handler_y = hx, hy - 140
    set_bounds(handler, handler_x, handler_y)
    edges.append('      <bpmndi:BPMNEdge id="%s_di" bpmnElement="%s">\n'
                 '        <di:waypoint x="%g" y="%g" />\n        <di:waypoint x="%g" y="%g" />\n'
                 '      </bpmndi:BPMNEdge>\n' % (association, association, bx + 18, by, handler_x + 50, handler_y + 80))

# 3. The remaining boundary events of one host sit side by side on its bottom edge.
for host in set(re.findall(r'attachedToRef="([^"]+)"', xml)):
    others = [b for b in re.findall(r'<bpmn:boundaryEvent id="([^"]+)"[^>]*attachedToRef="%s"' % host, xml)
              if not any(b == p[1] for p in pairs)]
    hx, hy, hw, hh = bounds(host)
    for i, boundary in enumerate(others):
        set_bounds(boundary, hx + hw - 36 - i * 44, hy + hh - 18)
        # the flow out of a moved boundary event starts at its new centre
        flow = re.search(r'<bpmn:boundaryEvent id="%s".*?<bpmn:outgoing>([^<]+)</bpmn:outgoing>' % boundary, xml, re.S)
        if flow:
            x = hx + hw - 18 - i * 44
            xml = re.sub(r'(bpmnElement="%s">\s*<di:waypoint )x="[\d.]+" y="[\d.]+"( />\s*<di:waypoint )x="[\d.]+"' % flow.group(1),
                         lambda m: '%sx="%g" y="%g"%sx="%g"' % (m.group(1), x, hy + hh + 18, m.group(2), x), xml)

xml = xml.replace('    </bpmndi:BPMNPlane>', ''.join(edges) + '    </bpmndi:BPMNPlane>', 1)
open(path, "w", encoding="utf-8").write(xml)
