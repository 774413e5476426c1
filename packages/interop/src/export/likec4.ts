// `--to likec4`: a LikeC4 model (likec4.dev): an element kind per Topo kind, an element per
// component with its engine as technology, a relation per call labelled with its share,
// timeout and retries, and one view of everything.
import { components, type Model } from '@topo/model';
import { callLabel, kindText } from './labels.js';

export function likec4Model(model: Model): string {
  const lines = [
    `// ${model.name}: exported by \`topo export --to likec4\`.`,
    'specification {',
    '  element service {',
    '    style {',
    '      shape rectangle',
    '    }',
    '  }',
    '  element datastore {',
    '    style {',
    '      shape storage',
    '    }',
    '  }',
    '  element cache {',
    '    style {',
    '      shape cylinder',
    '    }',
    '  }',
    '}',
    '',
    'model {',
  ];
  for (const c of components(model)) {
    lines.push(`  ${c.name} = ${c.kind} ${quote(c.name)} {`, `    technology ${quote(kindText(c))}`, '  }');
  }
  for (const s of model.services) for (const call of s.calls) lines.push(`  ${s.name} -> ${call.target} ${quote(callLabel(call))}`);
  lines.push('}', '', 'views {', '  view index {', `    title ${quote(model.description ?? model.name)}`, '    include *', '  }', '}');
  return lines.join('\n') + '\n';
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
