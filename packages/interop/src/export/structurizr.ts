// `--to structurizr`: a Structurizr DSL workspace (docs.structurizr.com/dsl): the architecture
// a software system, each component a container tagged with its kind, a relationship per
// call described by its share, timeout and retries, and one container view.
import { components, type Model } from '@topo/model';
import { callLabel, kindText } from './labels.js';

export function structurizrWorkspace(model: Model): string {
  // Identifiers are letters, digits, `_` and `-`; the `c_` prefix keeps them apart from the DSL's words.
  const id = (name: string) => `c_${name}`;
  const lines = [
    `workspace ${quote(model.name)} ${quote(model.description ?? 'exported by topo export --to structurizr')} {`,
    '  model {',
    `    system = softwareSystem ${quote(model.name)} {`,
  ];
  for (const c of components(model)) {
    lines.push(`      ${id(c.name)} = container ${quote(c.name)} ${quote('')} ${quote(kindText(c))} ${quote(tag(c.kind))}`);
  }
  lines.push('    }');
  for (const s of model.services) for (const call of s.calls) lines.push(`    ${id(s.name)} -> ${id(call.target)} ${quote(callLabel(call))}`);
  lines.push(
    '  }',
    '  views {',
    `    container system ${quote('containers')} {`,
    '      include *',
    '      autoLayout lr',
    '    }',
    '    styles {',
    `      element ${quote(tag('datastore'))} {`,
    '        shape cylinder',
    '      }',
    `      element ${quote(tag('cache'))} {`,
    '        shape pipe',
    '      }',
    '    }',
    '  }',
    '}',
  );
  return lines.join('\n') + '\n';
}

function tag(kind: string): string {
  return { service: 'Service', datastore: 'Database', cache: 'Cache' }[kind]!;
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
