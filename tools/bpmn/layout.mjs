// Adds diagram interchange to a hand-written BPMN file: node layout.mjs <in.bpmn> <out.bpmn>
// bpmn-auto-layout places the flow; place-compensation.py then puts compensation handlers
// next to the activities they undo, which the auto layout leaves at the origin.
import { layoutProcess } from 'bpmn-auto-layout';
import fs from 'fs';

const [input, output] = process.argv.slice(2);
fs.writeFileSync(output, await layoutProcess(fs.readFileSync(input, 'utf8')));
