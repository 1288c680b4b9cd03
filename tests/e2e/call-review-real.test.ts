/**
 * A call from import to review in the real app (production build, Debian Chromium): a planned stereo call
 * (tests/e2e/call-driver.ts: 4.5 s of dead air and 1.5 s of overtalk planted) imported by the file picker,
 * opened from the list on #/call/<id>; the planted dead air and overtalk must be flags on the timeline and
 * in the jump list within 0.3 s of where they were planted, and the printed report must list them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatClock } from '../../src/i18n/index.ts';
import { unexpectedErrors, type AppPage } from './app-driver.ts';
import { callWav, openCallsScreen, plannedCall } from './call-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';

const TOLERANCE_SEC = 0.3;

interface Flag { id: string | null; startSec: number }

describe.skipIf(!haveChromium)('a planned call imported, then reviewed on its page', () => {
  let session: Session;
  let app: AppPage;
  const call = plannedCall(16000);

  beforeAll(async () => {
    session = await launch();
    app = await openCallsScreen(session);
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });

  it('the planted dead air and overtalk are flags on the timeline, in the jump list and in the printed report', { timeout: 120_000 }, async () => {
    const { page } = app;
    expect(call.deadAir.length).toBe(1);
    expect(call.overtalk.length).toBe(1);
    await page.locator('input[name="keepAudio"][value="audio"]').check();
    await page.locator('input[name="agentChannel"][value="left"]').check();
    await page.getByTestId('call-file').setInputFiles({ name: 'planned-call.wav', mimeType: 'audio/wav', buffer: callWav(call) });
    const done = page.locator('[data-import="done"]');
    await done.waitFor({ timeout: 60_000 });
    const callId = await done.getAttribute('data-call-id');

    await page.locator(`li[data-call-id="${callId}"] .call-name`).click();
    await page.getByTestId('call-page').waitFor();
    expect(page.url()).toContain(`#/call/${callId}`);
    const flags = (selector: string): Promise<Flag[]> => page.locator(selector)
      .evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-finding-id'), startSec: Number(e.getAttribute('data-start-sec')) })));
    const list = await flags('.call-flag-item');
    const marks = await flags('.call-flag-mark');
    expect([...marks].sort((a, b) => a.startSec - b.startSec)).toEqual(list);
    const near = (id: string, atSec: number): Flag | undefined => list.find((f) => f.id === id && Math.abs(f.startSec - atSec) < TOLERANCE_SEC);
    const planted = [...call.deadAir.map((d) => ({ id: 'deadAir', startSec: d.startSec })), ...call.overtalk.map((o) => ({ id: 'overtalk', startSec: o.startSec }))];
    const found = planted.map((p) => ({ planted: p, flag: near(p.id, p.startSec) }));
    console.log(`planted → flagged: ${JSON.stringify(found)}`);
    for (const f of found) expect(f.flag, `${f.planted.id} at ${f.planted.startSec} s`).toBeDefined();
    expect(list.filter((f) => f.id === 'deadAir')).toHaveLength(call.deadAir.length);
    expect(list.filter((f) => f.id === 'overtalk')).toHaveLength(call.overtalk.length);

    // The printed report: the timeline is left out, the summary lists each kind with its count and moments.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.call-timeline-card').isVisible()).toBe(false);
    expect(await page.getByTestId('call-summary').isVisible()).toBe(true);
    for (const f of found) {
      const group = page.locator(`[data-testid="call-finding-groups"] li[data-finding-id="${f.planted.id}"]`);
      expect(await group.isVisible(), f.planted.id).toBe(true);
      expect(await group.getAttribute('data-count')).toBe('1');
      expect(await group.locator('.call-moments').textContent()).toContain(formatClock(f.flag!.startSec));
    }
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect((Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length).toBe(1);
    await page.emulateMedia({ media: 'screen' });
    expect(unexpectedErrors(app)).toEqual([]);
  });
});
