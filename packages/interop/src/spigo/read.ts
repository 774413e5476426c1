// A spigo architecture file, checked: the fields spigo's Go structs read (tooling/architecture),
// with spigo's own checks (known packages, unique names, known dependencies) and the ones
// Go's zero values would let through silently (a count in quotes, a missing package).
import { isObject } from '../json.js';
import { SpigoImportError } from './errors.js';
import { EUREKA, SPIGO_PACKAGES, SPIGO_REGIONS } from './packages.js';

export interface SpigoService {
  name: string;
  package: string;
  /** Instances per region, round-robin over three zones; 0: one cross-zone node per region. */
  count: number;
  /** How many of spigo's regions it runs in; 0 (or absent, as Go reads it): one global node. */
  regions: number;
  dependencies: string[];
  /** What arch-0.1 says about containers (`machine`, `instance`, `container`, `process`). */
  container: Partial<Record<ContainerField, string>>;
}

export interface SpigoArchitecture {
  arch: string;
  description?: string;
  version?: string;
  /** The service Chaos Monkey kills an instance of; '' for none. */
  victim: string;
  services: SpigoService[];
  /** Fields the importer does not know, as `services[2].colour`, to warn about. */
  unknownFields: string[];
}

const CONTAINER_FIELDS = ['machine', 'instance', 'container', 'process'] as const;
type ContainerField = (typeof CONTAINER_FIELDS)[number];
const SERVICE_FIELDS = new Set<string>(['name', 'package', 'count', 'regions', 'dependencies', ...CONTAINER_FIELDS]);
const TOP_FIELDS = new Set(['arch', 'description', 'version', 'victim', 'services', 'args', 'date']);

/** JSON text to a value, or a SpigoImportError saying where it stopped making sense. */
export function parseSpigoJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SpigoImportError(`not valid JSON: ${(e as Error).message}`);
  }
}

export function readSpigoArchitecture(json: unknown, fileName?: string): SpigoArchitecture {
  if (!isObject(json)) throw new SpigoImportError(`a spigo architecture is a JSON object with "arch" and "services", not ${describe(json)}`);
  const arch = optionalString(json, 'arch', 'the architecture') || nameFromFile(fileName);
  if (!arch) throw new SpigoImportError('the architecture has no "arch" (its name)');
  if (!('services' in json)) throw new SpigoImportError('the architecture has no "services" list');
  if (!Array.isArray(json.services)) throw new SpigoImportError(`"services" is a list, not ${describe(json.services)}`);
  const unknownFields = Object.keys(json).filter((k) => !TOP_FIELDS.has(k)).map((k) => `"${k}"`);
  const services = json.services.map((s, i) => readService(s, i, unknownFields));
  checkNames(services);
  const victim = optionalString(json, 'victim', 'the architecture') ?? '';
  if (victim !== '' && !services.some((s) => s.name === victim)) {
    throw new SpigoImportError(`the victim '${victim}' is not a service of the architecture`, victim);
  }
  return {
    arch,
    description: optionalString(json, 'description', 'the architecture'),
    version: optionalString(json, 'version', 'the architecture'),
    victim,
    services,
    unknownFields,
  };
}

function readService(raw: unknown, index: number, unknownFields: string[]): SpigoService {
  const where = `services[${index}]`;
  if (!isObject(raw)) throw new SpigoImportError(`${where} is not a service object but ${describe(raw)}`);
  if (typeof raw.name !== 'string' || raw.name === '') {
    throw new SpigoImportError(`${where} has no "name"${raw.name === undefined ? '' : ` (it is ${describe(raw.name)})`}`);
  }
  const name = raw.name;
  const who = `service '${name}'`;
  const fail = (message: string) => new SpigoImportError(`${who} ${message}`, name);
  if (raw.package === undefined) throw fail('has no "package"');
  if (typeof raw.package !== 'string') throw fail(`has a "package" that is ${describe(raw.package)}, not a name`);
  if (!(raw.package in SPIGO_PACKAGES)) {
    throw fail(`has the unknown package '${raw.package}'; spigo's packages are ${Object.keys(SPIGO_PACKAGES).join(', ')}`);
  }
  if (raw.count === undefined) throw fail('has no "count" (instances per region)');
  const count = wholeNumber(raw.count, 'count', fail);
  const regions = raw.regions === undefined ? 0 : wholeNumber(raw.regions, 'regions', fail);
  if (regions > SPIGO_REGIONS.length) {
    throw fail(`has "regions": ${regions}, but spigo knows ${SPIGO_REGIONS.length} regions (${SPIGO_REGIONS.join(', ')})`);
  }
  const deps = raw.dependencies ?? [];
  if (!Array.isArray(deps) || deps.some((d) => typeof d !== 'string')) throw fail(`has "dependencies" that are not a list of names: ${describe(deps)}`);
  const container: SpigoService['container'] = {};
  for (const field of CONTAINER_FIELDS) {
    const value = raw[field];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string') throw fail(`has a "${field}" that is ${describe(value)}, not text`);
    container[field] = value;
  }
  unknownFields.push(...Object.keys(raw).filter((k) => !SERVICE_FIELDS.has(k)).map((k) => `${who}: "${k}"`));
  return { name, package: raw.package, count, regions, dependencies: (deps as string[]).filter((d) => d !== ''), container };
}

/** spigo's own checks: unique names, eureka kept for the registry, dependencies that exist. */
function checkNames(services: SpigoService[]): void {
  const names = new Set<string>();
  for (const s of services) {
    if (s.name === EUREKA && s.package !== 'eureka') throw new SpigoImportError(`service 'eureka' takes the name spigo keeps for its registry`, s.name);
    if (names.has(s.name)) throw new SpigoImportError(`service '${s.name}' is declared twice`, s.name);
    names.add(s.name);
  }
  for (const s of services) {
    const unknown = s.dependencies.find((d) => d !== EUREKA && !names.has(d));
    if (unknown !== undefined) throw new SpigoImportError(`service '${s.name}' depends on '${unknown}', which is not a service of the architecture`, s.name);
  }
}

function wholeNumber(value: unknown, field: string, fail: (m: string) => SpigoImportError): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw fail(`has "${field}": ${describe(value)}, not a whole number ≥ 0`);
  return value;
}

function optionalString(obj: Record<string, unknown>, field: string, who: string): string | undefined {
  const value = obj[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new SpigoImportError(`${who} has a "${field}" that is ${describe(value)}, not text`);
  return value;
}

/** `netflixoss_arch.json` → `netflixoss`, as spigo names its files `<arch>_arch.json`. */
function nameFromFile(fileName: string | undefined): string | undefined {
  const base = fileName?.split(/[\\/]/).pop()?.replace(/\.json$/i, '').replace(/_arch$/, '');
  return base === '' ? undefined : base;
}

/** A short account of a JSON value for a message: `"nine"`, `-1`, `a list`, `null`. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  return String(value);
}
