// The server's `topo/sweep`, as the editor's "Sweep Load…" sends it: the scenario as written
// and then swept over rates or users, with work-done progress over both, a refusal in words
// for what cannot be swept, and a cancellation that keeps what was measured; and a seed
// out of range, which a run, a comparison and a sweep each refuse.
import { PassThrough } from 'node:stream';
import { EmptyFileSystem, URI } from 'langium';
import { afterEach, describe, expect, it } from 'vitest';
import { CancellationTokenSource, createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection, WorkDoneProgress, type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport } from 'vscode-languageserver/node';
import { TopoRequests, type LoadSweepParams, type LoadSweepResult } from '../src/protocol.js';
import { registerTopoRequests } from '../src/server-requests.js';
import { createTopoLspServices } from '../src/topo-lsp-module.js';

const MAIN = 'file:///ws/main.topo';

const SHOP = `architecture shop
service web {
  instances 2
  threads 4
  work 10ms
}
scenario lunch {
  load 50 rps into web for 5s
}
scenario shoppers {
  users 4 think 100ms into web for 5s
}
`;

type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

let open: Array<{ dispose(): void }> = [];
afterEach(() => {
  for (const c of open) c.dispose();
  open = [];
});

/** The server's requests on `text` as main.topo, answered over an in-memory connection; the client's end of it. */
async function serve(text: string): Promise<MessageConnection> {
  const { shared, Topo } = createTopoLspServices(EmptyFileSystem);
  const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(MAIN));
  shared.workspace.LangiumDocuments.addDocument(document);
  await shared.workspace.DocumentBuilder.build([document], { validation: true });
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  registerTopoRequests(server, shared, Topo);
  server.listen();
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  client.listen();
  open.push(client, server);
  return client;
}

/** Sends the sweep with a work-done token; the answer and the progress the server reported on it. */
async function sweep(client: MessageConnection, params: Omit<LoadSweepParams, 'uri' | 'workDoneToken'>, onProgress?: (p: ProgressValue) => void, token?: CancellationTokenSource) {
  const progress: ProgressValue[] = [];
  const workDoneToken = `sweep-${Math.random()}`;
  const listening = client.onProgress(WorkDoneProgress.type, workDoneToken, (p) => {
    progress.push(p);
    onProgress?.(p);
  });
  const request = { uri: MAIN, workDoneToken, ...params };
  // The progress comes on the same stream before the answer, so it has all come by then.
  const answer: LoadSweepResult = await client.sendRequest(TopoRequests.sweep, request, token?.token);
  listening.dispose();
  return { answer, progress };
}

describe('topo/sweep', () => {
  it('runs the scenario as written, then at each rate, with progress over both', async () => {
    const { answer, progress } = await sweep(await serve(SHOP), { scenario: 'lunch', over: 'rps', range: '20:60:20', seed: 3 });
    expect(answer.message).toBeUndefined();
    expect(answer.result).toMatchObject({ scenario: 'lunch', seed: 3, stopped: false });
    expect(answer.rightSizing?.rows.map((r) => r.name)).toEqual(['web']);
    const swept = answer.sweep!;
    expect([swept.over, swept.scenario, swept.seed]).toEqual(['rps', 'lunch', 3]);
    expect(swept.points.map((p) => p.rps)).toEqual([20, 40, 60]);
    // Below saturation what is offered gets through.
    for (const p of swept.points) expect(p.throughputRps).toBeGreaterThan(p.rps * 0.8);

    expect(progress[0]).toMatchObject({ kind: 'begin', cancellable: true, percentage: 0 });
    expect(progress.at(-1)).toEqual({ kind: 'end' });
    const reports = progress.filter((p): p is WorkDoneProgressReport => p.kind === 'report');
    const percentages = reports.map((p) => p.percentage!);
    expect(percentages).toEqual([...percentages].sort((a, b) => a - b));
    // The run is one of four parts; the sweep's three runs report as each finishes.
    expect(reports.filter((p) => p.message?.endsWith('runs of the sweep'))).toEqual([
      { kind: 'report', percentage: 50, message: '1 of 3 runs of the sweep' },
      { kind: 'report', percentage: 75, message: '2 of 3 runs of the sweep' },
      { kind: 'report', percentage: 100, message: '3 of 3 runs of the sweep' },
    ]);
  });

  it('sweeps the users of a closed workload', async () => {
    const { answer } = await sweep(await serve(SHOP), { scenario: 'shoppers', over: 'users', range: '2:6:2' });
    expect(answer.result?.scenario).toBe('shoppers');
    expect(answer.sweep?.over).toBe('users');
    expect(answer.sweep?.points.map((p) => p.users)).toEqual([2, 4, 6]);
  });

  it('refuses, in words, a users sweep of a scenario without users (and a rate sweep of one without loads), a range that is not FROM:TO:STEP, and an unknown scenario', async () => {
    const client = await serve(SHOP);
    expect((await sweep(client, { scenario: 'lunch', over: 'users', range: '2:6:2' })).answer).toEqual({
      message: "a sweep over users scales the scenario's `users` lines; scenario lunch has none",
    });
    expect((await sweep(client, { scenario: 'shoppers', over: 'rps', range: '100:300:100' })).answer).toEqual({
      message: "a sweep over rates scales the scenario's `load` lines; scenario shoppers has none (it has users: sweep over users instead)",
    });
    expect((await sweep(client, { scenario: 'shoppers', over: 'users', range: '1:5:0.5' })).answer).toEqual({
      message: "a sweep takes FROM:TO:STEP, whole numbers of users with TO ≥ FROM, e.g. 10:200:10, not '1:5:0.5'",
    });
    expect((await sweep(client, { over: 'rps', range: '100:50:10' })).answer.message).toMatch(/^a sweep takes FROM:TO:STEP, positive rates/);
    expect((await sweep(client, { scenario: 'dinner', over: 'rps', range: '1:2:1' })).answer).toEqual({ message: "no scenario 'dinner'; known: lunch, shoppers" });
  });

  it('refuses a file the simulator refuses, naming why', async () => {
    const { answer } = await sweep(await serve('service a {\n  call nowhere timeout 1s\n}\n'), { over: 'rps', range: '1:2:1' });
    expect(answer.result).toBeUndefined();
    expect(answer.message).toMatch(/^main\.topo cannot be simulated until these are fixed: main\.topo:2 /);
  });

  it('stops when cancelled: during the run, the run as far as it went; during the sweep, the run without the sweep', async () => {
    // Runs long enough that the server yields to the cancellation while they go (a run yields
    // every 100ms of wall time). A run of the sweep is not stopped midway: the sweep stops
    // after the one under way, before the last. `quiet` runs briefly as written, its sweep long.
    const client = await serve(`${SHOP}scenario day {\n  load 300 rps into web for 3600s\n}\nscenario quiet {\n  load 10 rps into web for 1200s\n}\n`);

    const duringRun = new CancellationTokenSource();
    const run = await sweep(client, { scenario: 'day', over: 'rps', range: '100:300:100' }, (p) => p.kind === 'report' && duringRun.cancel(), duringRun);
    expect(run.answer.result?.stopped).toBe(true);
    expect(run.answer.sweep).toBeUndefined();

    const duringSweep = new CancellationTokenSource();
    const cancelAfterFirstPoint = (p: ProgressValue) => p.kind === 'report' && p.message === '1 of 3 runs of the sweep' && duringSweep.cancel();
    const swept = await sweep(client, { scenario: 'quiet', over: 'rps', range: '200:400:100' }, cancelAfterFirstPoint, duringSweep);
    expect(swept.answer.result?.stopped).toBe(false);
    expect(swept.answer.sweep).toBeUndefined();
    expect(swept.progress.some((p) => p.kind === 'report' && p.message === '3 of 3 runs of the sweep')).toBe(false);
    expect(swept.progress.at(-1)).toEqual({ kind: 'end' });
  });
});

describe('a seed the runtime would take as another seed (its low 32 bits)', () => {
  it('is refused in words by a run, a comparison and a sweep, before any runs', async () => {
    const client = await serve(SHOP);
    const refusal = 'a seed is a whole number from 0 to 4,294,967,295, not 4294967296';
    const base = { uri: MAIN, scenario: 'lunch', seed: 2 ** 32 };
    expect(await client.sendRequest(TopoRequests.simulate, base)).toEqual({ message: refusal });
    expect(await client.sendRequest(TopoRequests.compare, { ...base, against: 'fixed' })).toEqual({ message: refusal });
    expect((await sweep(client, { scenario: 'lunch', over: 'rps', range: '20:60:20', seed: 1.5 })).answer).toEqual({ message: 'a seed is a whole number from 0 to 4,294,967,295, not 1.5' });
  });

  it('runs the largest seed there is', async () => {
    const answer = await (await serve(SHOP)).sendRequest(TopoRequests.simulate, { uri: MAIN, scenario: 'lunch', seed: 2 ** 32 - 1 });
    expect(answer.message).toBeUndefined();
    expect(answer.result?.seed).toBe(2 ** 32 - 1);
  });
});
