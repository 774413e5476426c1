// The JSON schema of topo.json that VS Code checks and completes topo.json with: its rule
// ids are the registry's, its severities and limits the reader's, it accepts exactly what
// the reader accepts, and the extension contributes and ships it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { CONFIGURABLE_RULE_IDS, DEFAULT_LIMITS, parseConfig, RULE_SETTINGS } from '@topo/language';
import { describe, expect, it } from 'vitest';

const extension = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
const schemaPath = './schemas/topo.schema.json';
const schema = JSON.parse(readFileSync(join(extension, schemaPath), 'utf8'));

describe('the topo.json schema', () => {
  it('names every rule a topo.json may set, the severities and the limits with their defaults', () => {
    expect(Object.keys(schema.properties.rules.properties)).toEqual([...CONFIGURABLE_RULE_IDS]);
    expect(schema.definitions.severity.enum).toEqual([...RULE_SETTINGS]);
    const limits = schema.properties.limits.properties;
    expect(Object.fromEntries(Object.entries(limits).map(([k, v]) => [k, (v as { default: number }).default]))).toEqual(DEFAULT_LIMITS);
  });

  it('accepts what the reader accepts, and nothing else', () => {
    const validate = new Ajv().addKeyword('enumDescriptions').compile(schema);
    const samples = [
      '{}',
      '{ "$schema": "./topo.schema.json", "rules": { "fan-out": "error", "unused-ignore": "off" }, "limits": { "maxFanOut": 3, "maxRetryAmplification": 2.5 } }',
      '{ "rules": { "fan-outs": "error" } }',
      '{ "rules": { "syntax": "off" } }',
      '{ "rules": { "fan-out": "fatal" } }',
      '{ "rules": { "fan-out": 1 } }',
      '{ "limits": { "maxFanOut": 0 } }',
      '{ "limits": { "maxFanOut": "7" } }',
      '{ "limits": { "maxDepth": 3 } }',
      '{ "rule": {} }',
      '[]',
    ];
    for (const text of samples) expect(validate(JSON.parse(text)), text).toBe(parseConfig('file:///topo.json', text).problems.length === 0);
  });

  it('is contributed for topo.json files and shipped in the extension', () => {
    expect(manifest.contributes.jsonValidation).toEqual([{ fileMatch: 'topo.json', url: schemaPath }]);
    expect(readFileSync(join(extension, '.vscodeignore'), 'utf8').split('\n')).toContain(`!${schemaPath.slice(2)}`);
  });
});
