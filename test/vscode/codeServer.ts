// Starts code-server for the tests in its own process group. Every directory it writes to (user
// data, extensions, config and the XDG folders) is inside one temporary folder, so a run leaves
// nothing in the user's home and is removed in one step.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');
export const samplesFolder = path.join(repoRoot, 'samples');

/** Settings that keep welcome pages, tips and trust prompts out of the way of scripted clicks. */
const quietUserSettings = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'workbench.tips.enabled': false,
  // --disable-telemetry leaves some built-in extensions trying to reach their telemetry endpoint,
  // and installed extensions are checked against the marketplace unless updates are off.
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  // The samples folder sits inside this repository, and Git would ask whether to open it.
  'git.openRepositoryInParentFolders': 'never',
};

export interface CodeServerOptions {
  /** Label used for the temporary folder and the log file name. */
  name: string;
  /** Folder that code-server opens. */
  folder: string;
  /** Port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
  /** Extra environment for the server and so for its extension host. */
  env?: Record<string, string>;
  /** Called with the extensions folder before the server starts, to install extensions into it. */
  prepareExtensions?: (extensionsDir: string) => void;
  /** Where the server's output goes. */
  logFile: string;
}

export interface CodeServer {
  port: number;
  url: string;
  tempDir: string;
  extensionsDir: string;
  /** Stops the whole process group and removes the temporary folder. */
  stop(): Promise<void>;
}

const running = new Set<CodeServer>();

/** Runs install-code-server.sh, which installs on first use and prints the path of entry.js. */
export function ensureCodeServer(): string {
  const script = path.join(repoRoot, 'test/vscode/install-code-server.sh');
  const result = spawnSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) {
    throw new Error(`install-code-server.sh failed with exit code ${result.status}`);
  }
  const entry = result.stdout.trim().split('\n').at(-1) ?? '';
  if (!fs.existsSync(entry)) {
    throw new Error(`install-code-server.sh printed ${JSON.stringify(entry)}, which is not a file`);
  }
  return entry;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startCodeServer(entry: string, options: CodeServerOptions): Promise<CodeServer> {
  const port = options.port ?? (await findFreePort());
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), `descent-lab-${options.name}-`));
  const dirs = createDirectories(tempDir, port);
  options.prepareExtensions?.(dirs.extensions);

  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const logFd = fs.openSync(options.logFile, 'w');
  const child = spawn(
    process.execPath,
    [
      entry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir',
      dirs.userData,
      '--extensions-dir',
      dirs.extensions,
      '--config',
      dirs.config,
      options.folder,
    ],
    {
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(tempDir, 'xdg-config'),
        XDG_DATA_HOME: path.join(tempDir, 'xdg-data'),
        XDG_CACHE_HOME: path.join(tempDir, 'xdg-cache'),
        // A gallery without a service URL turns the marketplace off; code-server would use open-vsx.org.
        EXTENSIONS_GALLERY: '{}',
        ...options.env,
      },
    },
  );
  fs.closeSync(logFd);

  const server: CodeServer = {
    port,
    url: `http://127.0.0.1:${port}/`,
    tempDir,
    extensionsDir: dirs.extensions,
    stop: async () => {
      running.delete(server);
      await stopProcessGroup(child);
      if (process.env.DESCENT_LAB_KEEP_TEMP === undefined) {
        fs.rmSync(tempDir, { recursive: true, force: true });
      }
    },
  };
  running.add(server);

  try {
    await waitUntilHealthy(child, port, 60_000);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** Stops every server still running; for exit and signal handlers. */
export async function stopAllCodeServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
}

function createDirectories(
  tempDir: string,
  port: number,
): { userData: string; extensions: string; config: string } {
  const userData = path.join(tempDir, 'user-data');
  const extensions = path.join(tempDir, 'extensions');
  const config = path.join(tempDir, 'config.yaml');

  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  for (const name of ['xdg-config', 'xdg-data', 'xdg-cache']) {
    fs.mkdirSync(path.join(tempDir, name));
  }
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(quietUserSettings, null, 2));
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  return { userData, extensions, config };
}

/** Polls code-server's /healthz until it returns 200, the process exits or `timeoutMs` passes. */
async function waitUntilHealthy(child: ChildProcess, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `code-server exited during startup (code ${child.exitCode}, signal ${child.signalCode})`,
      );
    }
    if (await isHealthy(port)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not respond on 127.0.0.1:${port} within ${timeoutMs / 1000} s`);
}

function isHealthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2_000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

/** Sends SIGTERM to the process group, then SIGKILL if it is still alive after five seconds. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  signalGroup(pid, 'SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
  // Children such as the extension host share the group and may outlive the server, so the whole
  // group gets SIGKILL either way.
  signalGroup(pid, 'SIGKILL');
  if (!stopped) {
    await Promise.race([exited, sleep(2_000)]);
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    // ESRCH: the group has already exited.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') {
      throw error;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
