/**
 * bench:calls `browser`: the production app in headless Chromium imports the long call through the Calls
 * screen's real file input (the file's path, so Node copies nothing into the page), and the bench prints
 * the wall time from the import's start to its done state (the call saved and listed) against issue 11's
 * 45 s, the progress texts seen on the way, the CPU time of the tab's threads (tab-cpu.ts) and the tab's
 * peak memory against 600 MB (tab-memory.ts). BENCH_BEFORE_DIST=<a build's folder> runs that build's import
 * first, then this one's (A/B back to back on the same machine load). The browser runs on a profile on disk, as a
 * user's does: the kept audio and the call's scratch files then go to disk, not to the browser's memory. With `backup`, the call is imported again
 * keeping its audio, then backed up with it and restored through Settings (timeBackup).
 */
import { rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { completeFirstRun, E2E_PROFILES } from '../tests/e2e/app-driver.ts';
import { clearAllData } from '../tests/e2e/store-driver.ts';
import { withSeededApp } from './browser-bench.ts';
import type { LongCall } from './long-call.ts';
import { formatCpu, sampleTabCpu } from './tab-cpu.ts';
import { sampleTabMemory, type MemoryPeaks } from './tab-memory.ts';

const TARGET_WALL_SEC = 45;
const TARGET_TAB_MB = 600;
const IMPORT_TIMEOUT_MS = 10 * 60_000;
// Relative, as buildFloor (run by withSeededApp) builds under the working folder; git ignores bench/out.
const OUT_DIR = join('bench', 'out', 'calls-dist');

// Every progress text with the page's clock (epoch ms), collected by a MutationObserver.
const WATCH_PROGRESS = `(() => {
  window.__progress = [];
  new MutationObserver(() => {
    const text = document.querySelector('[data-testid="call-progress"] p')?.textContent;
    if (text && window.__progress.at(-1)?.[1] !== text) window.__progress.push([Date.now(), text]);
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

// The backup panel's progress texts with the page's clock, as WATCH_PROGRESS collects the import's.
const WATCH_BACKUP_PROGRESS = WATCH_PROGRESS.replace('[data-testid="call-progress"] p', '[data-testid="backup-progress"] span');

/** One import of `call` with the keep-audio choice; prints its figures, labelled with `build` when given. */
async function timeImport(page: Page, call: LongCall, keepAudio: boolean, build = ''): Promise<void> {
  const label = `${build}${keepAudio ? 'keep audio' : 'analysis only'}`;
  await page.locator(`input[name="keepAudio"][value="${keepAudio ? 'audio' : 'analysis'}"]`).check();
  await page.locator('input[name="agentChannel"][value="left"]').check();
  await page.evaluate(WATCH_PROGRESS);
  const cdp = await page.context().newCDPSession(page);
  const memory = await sampleTabMemory(cdp);
  const cpu = sampleTabCpu();
  const loadBefore = loadavg()[0];
  const t0 = Date.now();
  let peaks: MemoryPeaks;
  let callId: string | null;
  try {
    await page.getByTestId('call-file').setInputFiles(call.path);
    const done = page.locator('[data-import="done"], [data-call-error]');
    await done.waitFor({ timeout: IMPORT_TIMEOUT_MS });
    callId = await done.getAttribute('data-call-id');
    if (callId === null) throw new Error(`the import failed: ${await done.textContent()}`);
    await page.locator(`li[data-call-id="${callId}"]`).waitFor();
  } finally {
    peaks = await memory.stop();
  }
  const threads = await cpu.stop();
  const wallSec = (Date.now() - t0) / 1000;
  const findings = await page.locator(`li[data-call-id="${callId}"]`).getAttribute('data-findings');
  const seen = (await page.evaluate('window.__progress')) as [number, string][];
  const x = call.durationSec / wallSec;
  console.log(`browser (${label}): ${findings} findings; wall ${wallSec.toFixed(1)} s from choosing the file to the call listed = ${x.toFixed(0)}× real time (target ≤ ${TARGET_WALL_SEC} s) ${wallSec <= TARGET_WALL_SEC ? 'ok' : 'MISSED'}; load average before ${loadBefore.toFixed(1)} on ${cpus().length} cores`);
  const step = Math.max(1, Math.floor(seen.length / 6));
  const shown = seen.filter((_, i) => i % step === 0 || i === seen.length - 1).map(([at, text]) => `${((at - t0) / 1000).toFixed(1)} s "${text}"`);
  console.log(`browser (${label}): ${seen.length} progress texts shown, e.g. ${shown.join('; ')}`);
  const mb = (v: number): string => (Number.isNaN(v) ? 'not measured' : `${v.toFixed(0)} MB`);
  const phase = (re: RegExp): string => {
    const at = seen.find(([, text]) => re.test(text))?.[0];
    return at === undefined ? '—' : `${((at - t0) / 1000).toFixed(1)} s`;
  };
  console.log(`browser (${label}): phases from choosing the file: first percent shown ${phase(/\d+ %/)}, 'putting the findings together' (the engine's finish, then the save) from ${phase(/putting the findings together/)}, saving ${phase(/^Saving/)}, done ${wallSec.toFixed(1)} s`);
  const finishingAt = seen.find(([, text]) => /putting the findings together/.test(text))?.[0];
  const reading = finishingAt === undefined ? null : threads.at(finishingAt);
  console.log(`browser (${label}): CPU time per renderer thread (/proc, the load above shares the cores): whole import ${formatCpu(threads.total)}${reading ? `; up to 'putting the findings together' ${formatCpu(reading)}` : ''}`);
  if (process.env.BENCH_MEMORY_TRACE) {
    // The tab's RSS over the import, its largest sample per second (BENCH_MEMORY_TRACE=1): where the peak builds up.
    const perSec = new Map<number, number>();
    for (const [at, rss] of peaks.trace) perSec.set(Math.floor((at - t0) / 1000), Math.max(perSec.get(Math.floor((at - t0) / 1000)) ?? 0, rss));
    console.log(`browser (${label}): tab RSS per second (s:MB) ${[...perSec].map(([s, v]) => `${s}:${v.toFixed(0)}`).join(' ')}`);
  }
  console.log(`browser (${label}): tab peak memory = the largest renderer process's peak VmRSS ${mb(peaks.rendererRssMb)} at ${((peaks.rendererRssPeakAtMs - t0) / 1000).toFixed(1)} s (/proc, sampled every 200 ms, ${peaks.samples} samples; the call worker runs inside it; target ≤ ${TARGET_TAB_MB} MB) ${peaks.rendererRssMb <= TARGET_TAB_MB ? 'ok' : 'MISSED'}; its VmHWM ${mb(peaks.rendererHwmMb)}; all ${peaks.renderers} renderers together ${mb(peaks.renderersSumMb)}; JS heap used (CDP): page ${mb(peaks.pageHeapMb)}, call worker ${mb(peaks.workerHeapMb)}`);
}

/**
 * The backup of that call with its kept audio, through Settings' real controls: the export (the box for the
 * calls' audio ticked, from the click to the download saved) and, after all data is deleted, the import of that
 * file (from choosing it to the message), each with the tab's peak memory.
 */
async function timeBackup(page: Page, build: string): Promise<void> {
  const mb = (v: number): string => (Number.isNaN(v) ? 'not measured' : `${v.toFixed(0)} MB`);
  const measured = async (label: string, work: () => Promise<string>): Promise<void> => {
    await page.evaluate(WATCH_BACKUP_PROGRESS);
    const cdp = await page.context().newCDPSession(page);
    const memory = await sampleTabMemory(cdp);
    const t0 = Date.now();
    let peaks: MemoryPeaks;
    let said: string;
    try {
      said = await work();
    } finally {
      peaks = await memory.stop();
    }
    console.log(`browser (${build}backup ${label}): ${((Date.now() - t0) / 1000).toFixed(1)} s; tab peak memory ${mb(peaks.rendererRssMb)} (VmHWM ${mb(peaks.rendererHwmMb)}; JS heap used: page ${mb(peaks.pageHeapMb)}); ${said}`);
    const seen = (await page.evaluate('window.__progress')) as [number, string][];
    const step = Math.max(1, Math.floor(seen.length / 5));
    const shown = seen.filter((_, i) => i % step === 0 || i === seen.length - 1).map(([at, text]) => `${((at - t0) / 1000).toFixed(1)} s "${text}"`);
    console.log(`browser (${build}backup ${label}): ${seen.length} progress texts shown${shown.length ? `, e.g. ${shown.join('; ')}` : ''}`);
  };
  await page.locator('[data-nav="settings"]').click();
  const panel = page.getByTestId('backup-panel');
  await panel.locator('[data-action="backup-call-audio"]').check();
  const path = join(tmpdir(), `voicedrill-bench-backup-${process.pid}.voicedrill`);
  try {
    await measured('export', async () => {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: IMPORT_TIMEOUT_MS }), panel.locator('[data-action="export-backup"]').click()]);
      await download.saveAs(path);
      return `file ${(statSync(path).size / 1024 / 1024).toFixed(0)} MB: ${await panel.locator('[data-backup-message]').textContent()}`;
    });
    await clearAllData(page);
    await page.getByTestId('profile-form').waitFor();
    await completeFirstRun(page, { ...E2E_PROFILES.en, scriptLang: 'en' });
    await page.locator('[data-nav="settings"]').click();
    await measured('import', async () => {
      await panel.locator('input[data-action="import-backup"]').setInputFiles(path);
      const message = panel.locator('[data-backup-message]');
      await message.waitFor({ timeout: IMPORT_TIMEOUT_MS });
      return `${await message.getAttribute('data-backup-message')}: ${await message.textContent()}`;
    });
  } finally {
    rmSync(path, { force: true });
  }
}

/** The section: build, serve, open the Calls screen, import (analysis only; with `alsoKeepAudio`, again keeping the audio). */
export async function browserSection(call: LongCall, alsoKeepAudio: boolean, backup = false): Promise<void> {
  await withSeededApp(OUT_DIR, '() => undefined', [], async ({ url, beforeUrl, context }) => {
    // BENCH_BEFORE_DIST (another build): A/B, the before build's import then this one's, back to back.
    const builds: [string, string][] = beforeUrl ? [['before: ', beforeUrl], ['after: ', url]] : [['', url]];
    for (const [build, at] of builds) {
      const page = await context.newPage();
      try {
        await page.goto(`${at}/`);
        await page.locator('h1').waitFor();
        await page.getByTestId('ui-lang').selectOption('en');
        await completeFirstRun(page, { ...E2E_PROFILES.en, scriptLang: 'en' });
        await page.locator('[data-nav="calls"]').click();
        await page.locator('#calls-title').waitFor();
        await timeImport(page, call, false, build);
        if (alsoKeepAudio || backup) await timeImport(page, call, true, build);
        if (backup) await timeBackup(page, build);
      } finally {
        await page.close();
      }
    }
  }, { persistentProfile: true });
}
