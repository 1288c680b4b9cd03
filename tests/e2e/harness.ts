/** Browser-test harness: Debian's Chromium via playwright-core, the production build served on localhost. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Path of the Chromium binary (Debian's package by default). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Browser tests run when Chromium is installed; in CI its absence is a failure, not a skip. */
export const haveChromium = existsSync(CHROMIUM_PATH);
if (!haveChromium && process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: .ci/run installs it (apt-get install chromium).`);

/** Base URL of the served build, set by tests/e2e/global-setup.ts. */
export function baseUrl(): string {
  const url = process.env.VOICEDRILL_E2E_URL;
  if (!url) throw new Error('VOICEDRILL_E2E_URL is not set: run browser tests through vitest (tests/e2e/global-setup.ts).');
  return url;
}

/** Options of one browser session. */
export interface LaunchOptions {
  /** WAV fed to the fake microphone (played once from when the page opens the microphone). */
  micWav?: string;
  /** Deny the microphone instead of granting it. */
  denyMicrophone?: boolean;
  /** Reuse a profile folder (to test persistence across browser restarts). */
  userDataDir?: string;
  /** Origin to grant the microphone to (default: the shared server's). */
  origin?: string;
}

/** A browser session with its own profile; close() releases everything. */
export interface Session {
  browser: Browser | null;
  context: BrowserContext;
  userDataDir: string;
  close(): Promise<void>;
}

const BASE_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync', '--disable-quic', '--autoplay-policy=no-user-gesture-required'];

/** Launch Chromium with a fresh (or given) profile and the fake microphone. */
export async function launch(options: LaunchOptions = {}): Promise<Session> {
  const args = [...BASE_ARGS, '--use-fake-device-for-media-stream'];
  if (!options.denyMicrophone) args.push('--use-fake-ui-for-media-stream');
  else args.push('--deny-permission-prompts');
  if (options.micWav) args.push(`--use-file-for-fake-audio-capture=${options.micWav}%noloop`);
  const ownDir = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'voicedrill-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM_PATH, headless: true, args });
  if (!options.denyMicrophone) await context.grantPermissions(['microphone'], { origin: options.origin ?? baseUrl() });
  return {
    browser: context.browser(),
    context,
    userDataDir,
    async close() {
      await context.close();
      if (ownDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
