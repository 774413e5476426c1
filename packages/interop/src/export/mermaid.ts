// `--to mermaid`: a flowchart for a README. Services are boxes, datastores cylinders, caches
// hexagons; an edge per call, labelled with its share, timeout and retries.
import { components, type Model } from '@topo/model';
import { callLabel, kindText } from './labels.js';

export function mermaidFlowchart(model: Model): string {
  // Mermaid ids are words; Topo names may hold `-`, which Mermaid reads as an edge.
  const id = new Map(components(model).map((c, i) => [c.name, `n${i}`]));
  const shape = (name: string, kind: string, text: string) =>
    kind === 'service' ? `${id.get(name)}["${text}"]` : kind === 'datastore' ? `${id.get(name)}[("${text}")]` : `${id.get(name)}{{"${text}"}}`;
  const lines = [`flowchart LR`];
  for (const c of components(model)) lines.push(`  ${shape(c.name, c.kind, `${escape(c.name)}<br/><small>${kindText(c)}</small>`)}`);
  for (const s of model.services) {
    for (const call of s.calls) {
      const label = callLabel(call);
      lines.push(`  ${id.get(s.name)} -->${label ? `|"${escape(label)}"|` : ''} ${id.get(call.target)}`);
    }
  }
  return `---\ntitle: ${model.name}\n---\n${lines.join('\n')}\n`;
}

/** Mermaid's entity codes for the characters that end a label. */
function escape(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/\|/g, '#124;');
}
