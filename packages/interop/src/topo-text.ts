// Topo text in the house style of the language reference: one declaration after another with
// a blank line between, one property per line indented by two spaces, comments above what
// they explain. Every importer writes through these, so its output is a fixed point of the
// formatter.

export function block(head: string, lines: string[]): string {
  return lines.length === 0 ? head : [`${head} {`, ...lines.map((l) => `  ${l}`), '}'].join('\n');
}

const WIDTH = 100;

/** Each text as `//` lines, wrapped at word boundaries to stay within the width. */
export function comment(...texts: string[]): string[] {
  return texts.flatMap((text) => {
    const lines: string[] = [];
    let line = '//';
    for (const word of text.split(/\s+/).filter(Boolean)) {
      if (line !== '//' && line.length + 1 + word.length > WIDTH) {
        lines.push(line);
        line = '//';
      }
      line += ` ${word}`;
    }
    return [...lines, line];
  });
}

/** A Topo string: double quotes, backslashes and quotes escaped, on one line. */
export function quote(text: string): string {
  return `"${text.replace(/[\r\n]+/g, ' ').replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** A service, datastore or cache under the comments that explain it. */
export function declaration(c: { kind: 'service' | 'datastore' | 'cache'; name: string; engine?: string; comments: string[] }, lines: string[]): string {
  const head = c.kind === 'service' ? `service ${c.name}` : `${c.kind} ${c.name}: ${c.engine}`;
  return [...comment(...c.comments), block(head, lines)].join('\n');
}

/** A service's steps as lines: `call …` for a call, `route P% …` for each of a group of routes. */
export function stepLines<C extends { routeShare?: string }>(steps: ({ kind: 'call'; call: C } | { kind: 'routes'; routes: C[] })[], callText: (call: C) => string): string[] {
  return steps.flatMap((step) => (step.kind === 'call' ? [`call ${callText(step.call)}`] : step.routes.map((r) => `route ${r.routeShare}% ${callText(r)}`)));
}
