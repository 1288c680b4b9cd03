/**
 * Drives the VoiceDrill app in the browser tests: the first run, the drill picker, a take recorded from
 * the fake microphone, the scorecard's rows and measurements, and the stop → scorecard time.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Lang } from '../../src/analysis/index.ts';
import { REPO_ROOT } from '../helpers/cli.ts';
import { baseUrl, type Session } from './harness.ts';

/** The profiles the e2e WAVs were read with (tests/fixtures/make-e2e-wavs.sh). */
export const E2E_PROFILES: Readonly<Record<Lang, { name: string; company: string }>> = {
  zh: { name: '李娜', company: '星河银行' },
  en: { name: 'Alex', company: 'Bluebird Telecom' },
};

/** The fake-microphone WAVs (4 s of leading silence, then the drill read aloud, then 2.5 s of silence). */
export const E2E_WAVS = {
  zhGreeting3: join(REPO_ROOT, 'tests/fixtures/synth/e2e-zh-greeting3.wav'),
  /** The same Mandarin greeting 20 % faster and 3 dB louder (a second take that differs from the first). */
  zhGreeting3Fast: join(REPO_ROOT, 'tests/fixtures/synth/e2e-zh-greeting3-fast.wav'),
  enGreeting4: join(REPO_ROOT, 'tests/fixtures/synth/e2e-en-greeting4.wav'),
  /** The same English greeting read faster and higher, and slower and lower (progress over three takes). */
  enGreeting4Fast: join(REPO_ROOT, 'tests/fixtures/synth/e2e-en-greeting4-fast.wav'),
  enGreeting4Low: join(REPO_ROOT, 'tests/fixtures/synth/e2e-en-greeting4-low.wav'),
} as const;

/** A page of the app with the errors it logged. */
export interface AppPage {
  page: Page;
  errors: string[];
}

/** Open the app in a new page of the session. */
export async function openApp(session: Session, hash = '', url = baseUrl()): Promise<AppPage> {
  const page = await session.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${m.text()} ${m.location().url}`); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`); });
  await page.goto(`${url}/${hash}`);
  await page.locator('h1').waitFor();
  return { page, errors };
}

/** Fill the first-run profile and skip the calibration. */
export async function completeFirstRun(page: Page, profile: { name: string; company: string; scriptLang: Lang }): Promise<void> {
  const form = page.getByTestId('profile-form');
  await form.locator(`input[name="name-${profile.scriptLang}"]`).fill(profile.name);
  await form.locator(`input[name="company-${profile.scriptLang}"]`).fill(profile.company);
  await form.locator(`input[name="scriptLang"][value="${profile.scriptLang}"]`).check();
  await form.locator('[data-action="save-profile"]').click();
  await page.locator('[data-action="skip-calibration"]').click();
  await page.locator('#practice-title').waitFor();
}

/** Switch the count-in off in Settings (takes then start recording at once); stays on Settings. */
export async function switchCountInOff(page: Page): Promise<void> {
  await page.locator('[data-nav="settings"]').click();
  await page.locator('select[name="countIn"]').selectOption('0');
}

/** Choose a drill in the picker (its language first). */
export async function pickDrill(page: Page, lang: Lang, drillId: string): Promise<void> {
  await page.locator(`input[name="drill-lang"][value="${lang}"]`).check();
  await page.locator(`input[name="drill"][value="${drillId}"]`).check();
  await page.locator(`.script[data-drill-id="${drillId}"]`).waitFor();
}

/** The filled script the practice screen shows (what the analysis is given). */
export async function shownScript(page: Page): Promise<string> {
  return (await page.locator('.script[data-script]').getAttribute('data-script')) ?? '';
}

/** Wait for the scorecard (recording, auto-stop and analysis included). */
export async function waitForScorecard(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.getByTestId('scorecard').waitFor({ timeout: timeoutMs });
}

/** A new English profile (UI and script in English, no count-in) records the four-part greeting up to its scorecard. */
export async function firstEnglishGreetingTake(page: Page): Promise<void> {
  await page.getByTestId('ui-lang').selectOption('en');
  await completeFirstRun(page, { ...E2E_PROFILES.en, scriptLang: 'en' });
  await switchCountInOff(page);
  await page.locator('[data-nav="practice"]').click();
  await pickDrill(page, 'en', 'en-greeting4');
  await page.locator('[data-action="start"]').click();
  await waitForScorecard(page);
}

/** One row of the scorecard as its attributes say. */
export interface RowAttrs {
  guideline: string;
  status: string;
  value: string;
}

/** Every guideline row of the scorecard. */
export async function scorecardRows(page: Page): Promise<RowAttrs[]> {
  return page.locator('[data-testid="scorecard"] tr[data-guideline]').evaluateAll((rows) => rows.map((r) => ({
    guideline: r.getAttribute('data-guideline') ?? '',
    status: r.getAttribute('data-status') ?? '',
    value: r.getAttribute('data-value') ?? '',
  })));
}

/** The scorecard's measurement details, by report field (e.g. 'pitch.medianHz' → '96.8'). */
export async function scorecardDetails(page: Page): Promise<Record<string, string>> {
  const pairs = await page.locator('[data-testid="scorecard"] [data-field]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-field') ?? '', e.getAttribute('data-value') ?? '']));
  return Object.fromEntries(pairs);
}

/** The stop → scorecard time of the last take, ms (performance measure 'voicedrill:stop-to-scorecard'). */
export async function stopToScorecardMs(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const entries = performance.getEntriesByName('voicedrill:stop-to-scorecard', 'measure');
    return entries.length > 0 ? entries[entries.length - 1].duration : null;
  });
}

// The built page has no favicon link yet, so Chromium's automatic /favicon.ico request gets a 404.
const KNOWN_NOISE = [/favicon\.ico/];

/** Errors the page logged, without the known noise above. */
export function unexpectedErrors(app: AppPage): string[] {
  return app.errors.filter((e) => !KNOWN_NOISE.some((re) => re.test(e)));
}

// In-page code below is typed loosely (and spells the cast out inside each function, which runs in the
// page): the Node hosts' tsconfig has no DOM library.
type PageDocument = { activeElement: { blur?: () => void; id: string; className: string; getAttribute(name: string): string | null } | null };

/** Take the focus off whatever has it (Space then goes to the page, not to a control). */
export async function blurFocus(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.activeElement?.blur?.());
}

/** What has the focus: its data-action, data-nav, id or class (null for none). */
export async function focusedName(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = (globalThis as unknown as { document: PageDocument }).document.activeElement;
    return el?.getAttribute('data-action') || el?.getAttribute('data-nav') || el?.id || el?.className || null;
  });
}
