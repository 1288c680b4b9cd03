/**
 * "Practise this phrase" in the real app (production build, Chromium): a planned stereo call imported by the
 * file picker is opened; an agent turn with a script too short to score gives its sentence; with a typed
 * script (submitted from the keyboard) the practice screen opens on #/practice/<drillId> with that script,
 * the drill listed under "From my calls" and a link back to the call; a reload keeps the drill (stored in
 * IndexedDB, linked from the call's drillIds); the link back opens the call.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { shownScript, unexpectedErrors, type AppPage } from './app-driver.ts';
import { callWav, openCallsScreen, plannedCall, readTables } from './call-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';
import { sidewaysOverflow } from './ui-audit.ts';

const SCRIPT = 'Thank you for waiting, I have checked your account and the *payment* has arrived.';

/** The calls' drill ids and the stored user drills, straight from IndexedDB. */
async function readDrillLinks(page: Page): Promise<{ calls: { id: string; drillIds: string[] }[]; drills: { id: string; sourceCallId: string; template: string }[] }> {
  const { calls, userDrills } = await readTables(page, ['calls', 'userDrills']);
  return {
    calls: (calls as { id: string; drillIds: string[] }[]).map((c) => ({ id: c.id, drillIds: c.drillIds })),
    drills: (userDrills as { id: string; sourceCallId: string; drill: { template: string } }[]).map((d) => ({ id: d.id, sourceCallId: d.sourceCallId, template: d.drill.template })),
  };
}

describe.skipIf(!haveChromium)('practise this phrase: a call turn becomes a drill', () => {
  let session: Session;
  let app: AppPage;

  beforeAll(async () => {
    session = await launch();
    app = await openCallsScreen(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('imports a call, makes a drill of an agent turn, opens practice with it, keeps it after a reload, and links back', { timeout: 180_000 }, async () => {
    const { page } = app;
    await page.locator('input[name="keepAudio"][value="analysis"]').check();
    await page.getByTestId('call-file').setInputFiles({ name: 'phrase-call.wav', mimeType: 'audio/wav', buffer: callWav(plannedCall(16000)) });
    const done = page.locator('[data-import="done"]');
    await done.waitFor({ timeout: 60_000 });
    const callId = (await done.getAttribute('data-call-id'))!;
    await done.getByRole('link', { name: t('en', 'calls.openCall') }).click();
    await page.locator('#call-title', { hasText: 'phrase-call.wav' }).waitFor();

    // The agent's turns, folded by default.
    await page.getByTestId('call-turn-list').locator('xpath=ancestor::details/summary').click();
    const row = page.locator('[data-turn-index]').nth(1);
    const turnIndex = Number(await row.getAttribute('data-turn-index'));
    await row.locator('[data-action="practise-phrase"]').click();
    const script = row.locator('textarea[name="practise-script"]');
    // Too short to score: one sentence, nothing stored, the page stays.
    await script.fill('Thank you.');
    await row.locator('[data-action="practise-start"]').click();
    await expect.poll(() => row.locator('[data-practise-error]').textContent()).toBe(t('en', 'call.practise.tooShort'));
    expect((await readDrillLinks(page)).drills).toEqual([]);

    // From the keyboard: type the script, Tab to "Make the drill", Enter.
    await script.fill(SCRIPT);
    await script.focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } } }).document.activeElement.getAttribute('data-action'))).toBe('practise-start');
    await page.keyboard.press('Enter');

    await page.waitForURL(/#\/practice\/phrase-[a-z0-9-]+$/);
    const drillId = decodeURIComponent(new URL(page.url()).hash.replace('#/practice/', ''));
    await page.locator(`.script[data-drill-id="${drillId}"]`).waitFor();
    expect(await shownScript(page)).toBe(SCRIPT);
    const mine = page.locator('[role="group"][aria-labelledby="drill-kind-mine"]');
    expect(await mine.locator('h3').textContent()).toBe(t('en', 'practice.kind.mine'));
    expect(await mine.locator(`input[name="drill"][value="${drillId}"]`).isChecked()).toBe(true);
    const back = page.locator('.drill-source a');
    expect(await back.textContent()).toBe(t('en', 'practice.fromCall', { file: 'phrase-call.wav' }));

    const stored = await readDrillLinks(page);
    expect(stored.drills).toEqual([{ id: drillId, sourceCallId: callId, template: SCRIPT }]);
    expect(stored.calls.find((c) => c.id === callId)?.drillIds).toEqual([drillId]);
    console.log(`turn ${turnIndex} → drill ${drillId}`);

    // A reload keeps the drill, listed under "From my calls" and still selected.
    await page.reload();
    await page.locator(`.script[data-drill-id="${drillId}"]`).waitFor();
    expect(await shownScript(page)).toBe(SCRIPT);
    expect(await mine.locator(`input[name="drill"][value="${drillId}"]`).isChecked()).toBe(true);
    // In Chinese, on a 360 px phone: the section, the title and the link back are translated, nothing scrolls sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByTestId('ui-lang').selectOption('zh-CN');
    await expect.poll(() => mine.locator('h3').textContent()).toBe(t('zh-CN', 'practice.kind.mine'));
    expect(await page.locator('.drill-source a').textContent()).toBe(t('zh-CN', 'practice.fromCall', { file: 'phrase-call.wav' }));
    expect(await mine.locator('.drill.selected span').textContent()).toMatch(/^通话 phrase-call\.wav 中 \d+:\d\d 处的句子$/);
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.getByTestId('ui-lang').selectOption('en');
    await page.setViewportSize({ width: 1280, height: 800 });
    // Plain #/practice lists it too (the picker starts on the first built-in).
    await page.locator('[data-nav="practice"]').click();
    await page.waitForURL(/#\/practice$/);
    await mine.locator(`input[name="drill"][value="${drillId}"]`).waitFor({ state: 'attached' });
    await mine.locator(`input[name="drill"][value="${drillId}"]`).check();
    await page.locator(`.script[data-drill-id="${drillId}"]`).waitFor();

    // The link back opens the call.
    await page.locator('.drill-source a').click();
    await page.locator('#call-title', { hasText: 'phrase-call.wav' }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/call/${encodeURIComponent(callId)}`);
    expect(unexpectedErrors(app)).toEqual([]);
  });
});
