// code-server (VS Code for the browser, from the npm registry) as a child
// process: install it through scripts/setup-code-server.sh, start it on a free
// loopback port with a fresh profile, install .vsix files into it, stop it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let entryPath: string | undefined;

/**
 * Path of code-server's entry.js, installing it first if the cache lacks it
 * (about a minute; instant afterwards). The script's progress goes to our stderr.
 */
export function installCodeServer(): string {
  entryPath ??= execFileSync('bash', [path.join(repoRoot, 'scripts/setup-code-server.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
    .trim()
    .split('\n')
    .at(-1)!;
  return entryPath;
}

/** Where one code-server instance keeps its state; all of it lives under `root`. */
export interface Profile {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  /** XDG_CONFIG_HOME and XDG_DATA_HOME, so nothing is written to the real home. */
  xdgDir: string;
}

export function profileIn(root: string): Profile {
  return {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    xdgDir: path.join(root, 'xdg'),
  };
}

/** Settings that keep a test run quiet and repeatable. */
export const testSettings: Record<string, unknown> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
};

/** Creates the profile's folders and its User/settings.json (testSettings, then `settings`). */
export async function writeProfile(profile: Profile, settings: Record<string, unknown> = {}): Promise<void> {
  const userDir = path.join(profile.userDataDir, 'User');
  await Promise.all([userDir, profile.extensionsDir, profile.xdgDir].map((dir) => mkdir(dir, { recursive: true })));
  await writeFile(path.join(userDir, 'settings.json'), JSON.stringify({ ...testSettings, ...settings }, null, 2));
}

function profileArgs(profile: Profile): string[] {
  return ['--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

function profileEnv(profile: Profile): NodeJS.ProcessEnv {
  return { ...process.env, XDG_CONFIG_HOME: profile.xdgDir, XDG_DATA_HOME: profile.xdgDir };
}

/** Installs a .vsix into the profile, as `code --install-extension` would. */
export function installExtension(profile: Profile, vsixPath: string): void {
  execFileSync(process.execPath, [installCodeServer(), ...profileArgs(profile), '--install-extension', vsixPath], {
    env: profileEnv(profile),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface CodeServer {
  /** The address it serves, e.g. http://127.0.0.1:40123/ */
  url: string;
  /** Its process id, which is also the id of its process group. */
  pid: number;
  /** Ends code-server and every process it started (extension hosts, language servers). */
  stop(): Promise<void>;
}

const listening = /HTTP server listening on (http:\/\/\S+)/;

/**
 * Starts code-server on a port the kernel picks (so parallel runs never
 * collide) with `folder` as the folder it opens, and resolves once it listens.
 * Its output is written to `logFile`.
 */
export async function startCodeServer(profile: Profile, folder: string, logFile: string): Promise<CodeServer> {
  const args = [
    installCodeServer(),
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    ...profileArgs(profile),
    folder,
  ];
  // Its own process group, so stop() reaches the extension hosts and language
  // servers too: they outlive a closed browser tab by design.
  const child = spawn(process.execPath, args, {
    detached: true,
    env: profileEnv(profile),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const killOnExit = () => signalGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      const match = listening.exec(output);
      if (match) settle(() => resolve(match[1]!));
    };
    const onExit = (code: number | null, signal: string | null) => fail(`code-server exited early (${signal ?? code})`);
    const fail = (reason: string) =>
      settle(() => {
        process.off('exit', killOnExit);
        signalGroup(child, 'SIGKILL');
        reject(new Error(`${reason}; its output:\n${output}`));
      });
    const timer = setTimeout(() => fail('code-server did not start listening within 60 s'), 60_000);
    const settle = (then: () => void) => {
      clearTimeout(timer);
      child.stdout.off('data', onOutput);
      child.stderr.off('data', onOutput);
      child.off('exit', onExit);
      then();
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.on('exit', onExit);
    child.once('error', (error) => fail(error.message));
  });

  return {
    url,
    pid: child.pid!,
    async stop() {
      process.off('exit', killOnExit);
      await stopGroup(child);
      log.end();
    },
  };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-child.pid!, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is gone
  }
}

/** SIGTERM to the group, then SIGKILL to whatever is left after 5 s. */
async function stopGroup(child: ChildProcess): Promise<void> {
  signalGroup(child, 'SIGTERM');
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    if (!signalGroup(child, 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  signalGroup(child, 'SIGKILL');
}
