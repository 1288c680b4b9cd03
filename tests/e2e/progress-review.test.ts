/**
 * Three takes of the English four-part greeting from three different WAVs (one browser launch each,
 * the same profile folder), then: every progress chart holds the stored values exactly (three points for
 * each guideline all three takes measured); a take's review paints its waveform and pitch contour
 * (pixels read back, screenshot kept); a reload of that take's page paints first from the picture the live page
 * kept (docs/adr/0010-take-first-paint.md); History renames a take from the keyboard and undoes a delete.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.ts';
import { completeFirstRun, E2E_PROFILES, E2E_WAVS, openApp, pickDrill, unexpectedErrors, type AppPage, switchCountInOff } from './app-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';
import { paintedPixels, readStoredData, recordTake } from './store-driver.ts';

const ARTIFACTS = join(REPO_ROOT, 'tests/artifacts');
const WAVS = [E2E_WAVS.enGreeting4, E2E_WAVS.enGreeting4Fast, E2E_WAVS.enGreeting4Low];

interface StoredVerdict { guideline: string; value: number | null; unit: string }
interface StoredTake { id: string; createdAt: string; status: string; name: string | null; report: { verdicts: StoredVerdict[] } | null }
interface ChartPoint { takeId: string; takeNumber: number; value: number }

/** In-page source (init scripts run before the app, as text): whether a canvas has a pixel that is not fully transparent. */
const PAINTED_SOURCE = `(canvas) => {
  if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
  return false;
}`;

describe.skipIf(!haveChromium)('progress and review after three takes', () => {
  const userDataDir = haveChromium ? mkdtempSync(join(tmpdir(), 'voicedrill-e2e-progress-')) : '';
  let session: Session | null = null;
  let app: AppPage;
  const takeIds: string[] = [];

  beforeAll(() => { mkdirSync(ARTIFACTS, { recursive: true }); });
  afterAll(async () => {
    await session?.close();
    rmSync(userDataDir, { recursive: true, force: true });
  });

  it('records three takes from three WAVs, one browser launch each, keeping the data', { timeout: 180_000 }, async () => {
    for (const [i, wav] of WAVS.entries()) {
      await session?.close();
      session = await launch({ micWav: wav, userDataDir });
      app = await openApp(session);
      const { page } = app;
      if (i === 0) {
        await page.getByTestId('ui-lang').selectOption('en');
        await completeFirstRun(page, { ...E2E_PROFILES.en, scriptLang: 'en' });
        await switchCountInOff(page);
        await page.locator('[data-nav="practice"]').click();
      }
      await page.locator('#practice-title').waitFor();
      await pickDrill(page, 'en', 'en-greeting4');
      takeIds.push(await recordTake(page));
      expect(unexpectedErrors(app)).toEqual([]);
    }
    expect(new Set(takeIds).size).toBe(3);
  });

  it('plots, on every chart, the three values exactly as stored', async () => {
    const { page } = app;
    const stored = (await readStoredData(page)).takes as unknown as StoredTake[];
    expect(stored.map((t) => t.status)).toEqual(['analysed', 'analysed', 'analysed']);
    await page.locator('[data-nav="progress"]').click();
    const progress = page.locator('[data-testid="progress"]');
    await progress.waitFor();
    expect(await progress.getAttribute('data-take-count')).toBe('3');
    const charts = await progress.locator('.progress-chart').evaluateAll((els) => els.map((e) => ({
      guideline: e.getAttribute('data-guideline') ?? '',
      unit: e.getAttribute('data-unit') ?? '',
      points: JSON.parse(e.getAttribute('data-points') ?? '[]') as ChartPoint[],
    })));
    // Every guideline the takes measured has its chart; each holds the stored values, oldest first.
    const oldestFirst = [...stored].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const measured = new Set(stored.flatMap((t) => t.report?.verdicts.filter((v) => v.value !== null).map((v) => `${v.guideline}|${v.unit}`) ?? []));
    expect(charts.map((c) => `${c.guideline}|${c.unit}`).sort()).toEqual([...measured].sort());
    expect(charts.length).toBeGreaterThanOrEqual(6);
    // A value the analysis could not measure (null) is stored as null and not plotted.
    const counts: string[] = [];
    for (const chart of charts) {
      const expected = oldestFirst.flatMap((t) => {
        const value = t.report?.verdicts.find((x) => x.guideline === chart.guideline && x.unit === chart.unit)?.value ?? null;
        return value === null ? [] : [{ takeId: t.id, value }];
      });
      expect(chart.points.map((p) => ({ takeId: p.takeId, value: p.value })), chart.guideline).toEqual(expected);
      // x is the take number (1…3, oldest first), not the clock.
      expect(chart.points.map((p) => p.takeNumber), chart.guideline).toEqual(expected.map((e) => oldestFirst.findIndex((t) => t.id === e.takeId) + 1));
      counts.push(`${chart.guideline} ${chart.points.length}`);
    }
    console.log(`progress charts (points): ${counts.join(', ')}`);
    // The guidelines every take measured have three points each (pitch level and effort need a calibration,
    // skipped here; steadiness is not always measurable in these short synthetic reads).
    const inAll = charts.filter((c) => oldestFirst.every((t) => t.report?.verdicts.some((v) => v.guideline === c.guideline && v.unit === c.unit && v.value !== null)));
    expect(inAll.map((c) => c.guideline)).toEqual(expect.arrayContaining(['rate', 'volume', 'pitchVariety', 'pauses', 'emphasis']));
    for (const chart of inAll) expect(chart.points, chart.guideline).toHaveLength(3);
    // Three WAVs read at different speeds: the rates differ.
    expect(new Set(charts.find((c) => c.guideline === 'rate')?.points.map((p) => p.value)).size).toBe(3);
    // And uPlot painted them.
    const firstCanvas = progress.locator('.progress-chart canvas').first();
    expect(await firstCanvas.evaluate(paintedPixels)).toBeGreaterThan(0);
  });

  it('in Chinese at 360 px: the page does not scroll sideways, and legends, axes and titles are Chinese', { timeout: 120_000 }, async () => {
    const { page } = app;
    await page.setViewportSize({ width: 360, height: 780 });
    await page.getByTestId('ui-lang').selectOption('zh-CN');
    const progress = page.locator('[data-testid="progress"]');
    await expect.poll(() => progress.locator('figcaption').first().textContent()).toMatch(/[\u4e00-\u9fff]/);
    // The screen-reader tables are filled in after the first paint: wait for them, they once widened the page.
    await expect.poll(() => progress.locator('tbody tr').count()).toBeGreaterThan(0);
    const widths = await page.evaluate('({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, page: document.querySelector(\'[data-testid="progress"]\').scrollWidth })') as Record<string, number>;
    console.log(`progress at 360 px: scroll widths ${JSON.stringify(widths)}`);
    expect(Math.max(...Object.values(widths))).toBeLessThanOrEqual(360);
    const legends = (await progress.locator('.u-legend').allTextContents()).join(' ');
    expect(legends).not.toMatch(/Time|Value/);
    expect(legends).toContain('录音');
    const captions = (await progress.locator('figcaption').allTextContents()).join(' ');
    expect(captions).not.toMatch(/\(st\)|\bst\b/);
    expect(captions).toContain('半音');
    await progress.screenshot({ path: join(ARTIFACTS, 'progress-zh-360.png') });
    await page.getByTestId('ui-lang').selectOption('en');
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(unexpectedErrors(app)).toEqual([]);
  });

  it('a reload paints the page\'s top from the kept snapshot first, then the live page takes over (en, then zh)', { timeout: 120_000 }, async () => {
    const { page } = app;
    // From the document's start: when the first-paint layer appears, paints and goes, and when the live chart paints.
    await page.addInitScript(`(() => {
      const painted = ${PAINTED_SOURCE};
      const seen = window.__firstPaint = { layer: null, layerPaintedAt: null, layerRemovedAt: null, livePaintedAt: null };
      const start = performance.now();
      const check = () => {
        const now = performance.now();
        const layer = document.getElementById('first-paint');
        if (layer && !seen.layer) {
          const root = layer.firstElementChild;
          seen.layer = { ariaHidden: layer.getAttribute('aria-hidden'), inert: layer.hasAttribute('inert'), lang: root && root.lang,
            heading: layer.querySelector('.fp-h2')?.textContent, headings: layer.querySelectorAll('h1, h2, h3, h4').length, caption: layer.querySelector('figcaption')?.textContent,
            takeCount: layer.querySelector('[data-first-paint="progress"]')?.getAttribute('data-take-count'), focusable: layer.querySelectorAll('a[href], button, select, input, textarea, [tabindex]').length };
        }
        if (layer && seen.layerPaintedAt === null && painted(layer.querySelector('.progress-chart canvas'))) seen.layerPaintedAt = now;
        if (!layer && seen.layer && seen.layerRemovedAt === null) seen.layerRemovedAt = now;
        if (seen.livePaintedAt === null && painted(document.querySelector('[data-testid="progress"] .progress-chart canvas'))) seen.livePaintedAt = now;
        if (now - start < 15000 && (seen.livePaintedAt === null || (seen.layer && seen.layerRemovedAt === null))) requestAnimationFrame(check);
      };
      check();
    })()`);
    const snapshotLang = (): Promise<string | null> => page.evaluate(() => {
      const text = localStorage.getItem('voicedrill.firstPaint.v1.progress');
      return text ? (JSON.parse(text) as { uiLang: string }).uiLang : null;
    });
    for (const lang of ['en', 'zh-CN'] as const) {
      await page.getByTestId('ui-lang').selectOption(lang);
      // The live page keeps its top as the next start-up's snapshot (the language change forgot the old one).
      await expect.poll(snapshotLang, { timeout: 10_000 }).toBe(lang);
      await page.reload();
      await expect.poll(() => page.evaluate('window.__firstPaint?.layerRemovedAt ?? null'), { timeout: 15_000 }).not.toBeNull();
      await expect.poll(() => page.evaluate('window.__firstPaint?.livePaintedAt ?? null'), { timeout: 15_000 }).not.toBeNull();
      const seen = await page.evaluate('window.__firstPaint') as {
        layer: { ariaHidden: string; inert: boolean; lang: string; heading: string; headings: number; caption: string; takeCount: string; focusable: number };
        layerPaintedAt: number; layerRemovedAt: number; livePaintedAt: number;
      };
      const progress = page.locator('[data-testid="progress"]');
      console.log(`first paint (${lang}): layer chart painted ${seen.layerPaintedAt.toFixed(0)} ms, live chart ${seen.livePaintedAt.toFixed(0)} ms, layer removed ${seen.layerRemovedAt.toFixed(0)} ms`);
      // A picture of the page, hidden from assistive technology, with nothing to focus or press.
      expect(seen.layer).toMatchObject({ ariaHidden: 'true', inert: true, lang, takeCount: '3', focusable: 0, headings: 0 });
      // The same heading and first chart as the live page, in the page's language.
      expect(seen.layer.heading).toBe(await progress.locator('h2').textContent());
      expect(seen.layer.caption).toBe(await progress.locator('figcaption').first().textContent());
      if (lang === 'zh-CN') expect(seen.layer.caption).toMatch(/[\u4e00-\u9fff]/);
      // Painted before the live chart, and gone once the live chart has painted.
      expect(seen.layerPaintedAt).toBeLessThan(seen.livePaintedAt);
      expect(seen.layerRemovedAt).toBeGreaterThanOrEqual(seen.livePaintedAt);
      expect(await page.locator('#first-paint').count()).toBe(0);
    }
    await page.getByTestId('ui-lang').selectOption('en');
    expect(unexpectedErrors(app)).toEqual([]);
  });

  it('opens a take: the review draws its waveform and pitch contour', async () => {
    const { page } = app;
    await page.goto(page.url().replace(/#.*$/, `#/take/${encodeURIComponent(takeIds[1])}`));
    const review = page.locator('[data-testid="take-review"][data-ready="true"]');
    await review.waitFor({ timeout: 30_000 });
    await review.scrollIntoViewIfNeeded();
    const overlay = await page.locator('[data-testid="review-overlay"]').evaluate(paintedPixels);
    // Playwright's CSS locators pierce wavesurfer's open shadow root.
    const waveCanvases = page.locator('[data-testid="review-waveform"] > div canvas');
    expect(await waveCanvases.count()).toBeGreaterThan(0);
    let wave = 0;
    for (const canvas of await waveCanvases.all()) wave += await canvas.evaluate(paintedPixels);
    console.log(`review of ${takeIds[1]}: overlay ${overlay} painted px, waveform ${wave} painted px`);
    expect(overlay).toBeGreaterThan(100);
    expect(wave).toBeGreaterThan(100);
    await review.screenshot({ path: join(ARTIFACTS, 'review.png') });

    // The comparison says what it compares (issue 9) and its legend reads both contours, not "--".
    const compare = page.locator('[data-testid="compare"]');
    await compare.waitFor({ timeout: 30_000 });
    const role = await compare.getAttribute('data-role');
    expect(['best', 'previousBest', 'nextBest']).toContain(role);
    const otherLabel = { best: 'your personal best', previousBest: 'your previous best', nextBest: 'your second-best take' }[role as 'best'];
    expect(await compare.locator('h4').textContent()).toBe(`This take against: ${otherLabel}`);
    const legend = compare.getByTestId('compare-legend');
    expect(await legend.locator('li[data-series]').count()).toBe(2);
    expect(await legend.textContent()).not.toContain('--');
    expect(await legend.locator('li[data-series="other"]').textContent()).toContain(otherLabel);
    const over = compare.locator('.u-over');
    await over.scrollIntoViewIfNeeded();
    const box = await over.boundingBox();
    if (!box) throw new Error('the chart has no box');
    const read: (string | null)[][] = [];
    for (const f of [0.3, 0.5, 0.7]) {
      await page.mouse.move(box.x + f * box.width, box.y + box.height / 2);
      await expect.poll(() => legend.textContent()).toMatch(/at \d+(\.\d)? %/);
      read.push(await legend.locator('li[data-series]').evaluateAll((els) => els.map((e) => e.getAttribute('data-value-st'))));
    }
    console.log(`compare (${role}) legend at 30/50/70 %: ${JSON.stringify(read)}`);
    // Somewhere in the middle of two read greetings both takes are voiced, and the legend prints those values.
    expect(read.some(([a, b]) => a !== null && b !== null)).toBe(true);
    await compare.screenshot({ path: join(ARTIFACTS, 'compare.png') });
    expect(unexpectedErrors(app)).toEqual([]);
  });

  it('a reload of a take\'s page paints the page the live page kept, its contour where the live page has it, then hands over; a tampered picture runs nothing', { timeout: 120_000 }, async () => {
    const { page } = app;
    const takeId = takeIds[1];
    const key = 'voicedrill.firstPaint.v1.take';
    // The live page (opened by the test before) keeps its picture once the browser is idle.
    const kept = (): Promise<{ takeId: string; text: string } | null> => page.evaluate((k) => {
      const text = localStorage.getItem(k);
      return text ? { takeId: (JSON.parse(text) as { takeId: string }).takeId, text } : null;
    }, key);
    await expect.poll(async () => (await kept())?.takeId ?? null, { timeout: 10_000 }).toBe(takeId);
    // From the document's start: the picture's layer, its contour painted (shown), where; its removal; the live contour.
    await page.addInitScript(`(() => {
      const painted = ${PAINTED_SOURCE};
      const place = (el) => { const r = el.getBoundingClientRect(); return [r.top + scrollY, r.left, r.width, r.height]; };
      const seen = window.__takePicture = { layer: null, paintedAt: null, pictureRect: null, atPaint: null, removedAt: null, livePaintedAt: null, liveRect: null };
      const start = performance.now();
      const check = () => {
        const now = performance.now();
        const layer = document.querySelector('#first-paint[data-first-paint="take"]');
        if (layer && !seen.layer) seen.layer = { ariaHidden: layer.getAttribute('aria-hidden'), inert: layer.hasAttribute('inert'), lang: layer.lang, shadow: layer.shadowRoot === null ? 'closed or none' : 'open' };
        const canvas = layer && layer.querySelector('canvas[data-first-paint-of="review-overlay"]');
        if (canvas && seen.paintedAt === null && getComputedStyle(layer).visibility !== 'hidden' && painted(canvas)) {
          seen.paintedAt = now;
          seen.pictureRect = place(canvas);
          seen.atPaint = { h1: document.querySelectorAll('h1').length, reviews: document.querySelectorAll('[data-testid="take-review"]').length, focusable: layer.querySelectorAll('a[href], button, select, input, textarea, [tabindex]').length };
        }
        if (!layer && seen.layer && seen.removedAt === null) seen.removedAt = now;
        const live = document.querySelector('[data-testid="review-overlay"]');
        if (seen.livePaintedAt === null && painted(live)) { seen.livePaintedAt = now; seen.liveRect = place(live); }
        if (now - start < 15000 && (seen.livePaintedAt === null || (seen.layer && seen.removedAt === null))) requestAnimationFrame(check);
      };
      check();
    })()`);
    interface Seen {
      layer: { ariaHidden: string; inert: boolean; lang: string; shadow: string } | null;
      paintedAt: number | null; pictureRect: number[] | null; atPaint: { h1: number; reviews: number; focusable: number } | null;
      removedAt: number | null; livePaintedAt: number | null; liveRect: number[] | null;
    }
    const reloadAndWatch = async (): Promise<Seen> => {
      await page.reload();
      await expect.poll(() => page.evaluate('window.__takePicture?.livePaintedAt ?? null'), { timeout: 15_000 }).not.toBeNull();
      await page.locator('[data-testid="take-review"][data-ready="true"]').waitFor({ timeout: 30_000 });
      await expect.poll(() => page.locator('#first-paint').count(), { timeout: 5_000 }).toBe(0);
      return await page.evaluate('window.__takePicture') as Seen;
    };

    const seen = await reloadAndWatch();
    console.log(`take page first paint: picture's contour painted ${seen.paintedAt?.toFixed(0)} ms at ${JSON.stringify(seen.pictureRect)}, live contour ${seen.livePaintedAt?.toFixed(0)} ms at ${JSON.stringify(seen.liveRect)}, picture removed ${seen.removedAt?.toFixed(0)} ms`);
    // A picture: hidden from assistive technology, inert, its page in a closed shadow root (no heading, link or test id
    // of its own in the page), shown before the live page and gone once the live contour has painted.
    expect(seen.layer).toEqual({ ariaHidden: 'true', inert: true, lang: 'en', shadow: 'closed or none' });
    expect(seen.atPaint).toEqual({ h1: 0, reviews: 0, focusable: 0 });
    expect(seen.paintedAt).not.toBeNull();
    expect(seen.paintedAt as number).toBeLessThan(seen.livePaintedAt as number);
    expect(seen.removedAt as number).toBeGreaterThanOrEqual(seen.livePaintedAt as number);
    // The picture is the page as it was last drawn whole: once the live page has all of it (the scorecard's
    // comparison with other takes comes a moment after the contour), its contour is where the picture's was.
    const liveNow = (): Promise<number[]> => page.locator('[data-testid="review-overlay"]').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return [r.top + scrollY, r.left, r.width, r.height];
    });
    await expect.poll(async () => Math.max(...(await liveNow()).map((v, i) => Math.abs(v - (seen.pictureRect as number[])[i]))), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    expect(await page.locator('[data-testid="take-review"]').count()).toBe(1);

    // A picture tampered with in storage: handlers, ids and a script link are never built, and nothing runs.
    const build = await page.locator('.version').getAttribute('data-build');
    expect(build).toBeTruthy();
    await expect.poll(async () => (await kept())?.takeId ?? null, { timeout: 10_000 }).toBe(takeId);
    const tamper = (extra: unknown[]): Promise<void> => page.evaluate(([k, nodes]) => {
      const v = JSON.parse(localStorage.getItem(k) as string) as { picture: { root: { c: unknown[] } } };
      v.picture.root.c.push(...nodes);
      localStorage.setItem(k, JSON.stringify(v));
    }, [key, extra] as const);
    await tamper([
      { t: 'div', a: [['id', 'evil'], ['onclick', 'window.__pwned = 1'], ['onmouseover', 'window.__pwned = 2'], ['class', 'evil']], c: ['hostile'] },
      { t: 'a', a: [['href', 'javascript:window.__pwned = 3']], c: ['hostile link'] },
      { t: 'svg', svg: true, a: [['onload', 'window.__pwned = 4']] },
    ]);
    const attributes = await reloadAndWatch();
    expect(attributes.paintedAt).not.toBeNull(); // shown, without what was added
    expect(await page.evaluate('window.__pwned ?? null')).toBeNull();
    expect(await page.locator('#evil').count()).toBe(0);
    // The live page keeps a clean picture again; a script element in it means no picture at all.
    await expect.poll(async () => (await kept())?.text.includes('hostile') ?? true, { timeout: 10_000 }).toBe(false);
    await tamper([{ t: 'script', c: ['window.__pwned = 5'] }, { t: 'iframe', a: [['srcdoc', '<script>parent.__pwned = 6</script>']] }]);
    const script = await reloadAndWatch();
    expect(script.paintedAt).toBeNull();
    expect(await page.evaluate('window.__pwned ?? null')).toBeNull();
    expect(unexpectedErrors(app)).toEqual([]);
  });

  it('History: renames a take from the keyboard, and a delete is undone before anything is removed', async () => {
    const { page } = app;
    await page.locator('[data-nav="history"]').click();
    const item = page.locator(`li[data-take-id="${takeIds[0]}"]`);
    await item.locator('[data-action="rename"]').focus();
    await page.keyboard.press('Enter');
    const field = item.locator('input[name="take-name"]');
    await expect.poll(() => field.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement)).toBe(true);
    await page.keyboard.type('  First   try ');
    await page.keyboard.press('Enter');
    await expect.poll(() => item.getAttribute('data-name')).toBe('First try');
    expect(await item.locator('.take-name').textContent()).toBe('First try');
    // Escape cancels without saving.
    await item.locator('[data-action="rename"]').press('Enter');
    await field.fill('Not this');
    await field.press('Escape');
    expect(await item.getAttribute('data-name')).toBe('First try');
    expect((await readStoredData(page)).takes.find((t) => t.id === takeIds[0])?.name).toBe('First try');

    // Delete: hidden at once, Undo focused; nothing removed until the window ends.
    await item.locator('[data-action="delete"]').press('Enter');
    await expect.poll(() => item.count()).toBe(0);
    const undo = page.locator('[data-testid="undo-bar"] [data-action="undo-delete"]');
    expect(await page.getByTestId('undo-bar').textContent()).toContain('Deleted: First try.');
    expect((await readStoredData(page)).takes).toHaveLength(3);
    expect(await undo.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement)).toBe(true);
    await page.locator('.history').screenshot({ path: join(ARTIFACTS, 'history-undo.png') });
    await undo.press('Enter');
    await item.waitFor();
    expect(await undo.count()).toBe(0);

    // Deleted, then leaving History: now it is gone for good, with its audio.
    await item.locator('[data-action="delete"]').click();
    await page.locator('[data-nav="progress"]').click();
    await expect.poll(async () => (await readStoredData(page)).takes.length).toBe(2);
    expect((await readStoredData(page)).chunks.filter((c) => c.takeId === takeIds[0])).toEqual([]);
    expect(unexpectedErrors(app)).toEqual([]);
  });
});
