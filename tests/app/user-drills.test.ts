/**
 * "Practise this phrase": the drill made from an agent turn (title in both languages, the typed script as
 * a passage's template, the call's language and default bands, refused without a usable script); the
 * agent's drills stored in Dexie v4 (put, list newest first, get, refused when malformed, kept after the
 * call is deleted); the picker's "From my calls" section and selection; the #/practice/<drillId> route.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makePhraseDrill } from '../../src/features/calls/phrase-drill-model.ts';
import { drillMenu, pickDrill } from '../../src/features/practice/drill-menu-model.ts';
import { DEFAULT_BANDS } from '../../src/guidelines/bands.ts';
import { navScreenOf, parseRoute, routeHref } from '../../src/services/routes.ts';
import { openStore, restoreUserDrill, StorageError, type UserDrillRecord, type VoiceDrillStore } from '../../src/storage/index.ts';
import { VoiceDrillDb } from '../../src/storage/db.ts';
import type { CallReport } from '../../src/analysis/index.ts';

let dbCounter = 0;
const opened: VoiceDrillStore[] = [];
async function freshStore(name = `voicedrill-user-drills-${++dbCounter}`): Promise<VoiceDrillStore> {
  const store = await openStore({ name });
  opened.push(store);
  return store;
}
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

const turn = (speaker: 'agent' | 'customer', startSec: number, endSec: number) => ({ speaker, startSec, endSec });
const report = { turns: [turn('customer', 0, 3), turn('agent', 83.4, 90.2)] } as unknown as CallReport;
const call = { id: 'call-1', fileName: 'Monday call.wav', lang: 'en' as const, report };
const SCRIPT = 'I understand, let me check your account for *you* right now.';

function made(over: Partial<Parameters<typeof makePhraseDrill>[0]> = {}): UserDrillRecord {
  const result = makePhraseDrill({ call, turnIndex: 1, script: SCRIPT, now: 1_700_000_000_000, nonce: 'ab12', ...over });
  if (!result.ok) throw new Error(`not made: ${result.reason}`);
  return result.record;
}

describe('phrase drill', () => {
  it('makes a passage of the typed script, in the call’s language, titled in both languages, linked to the turn', () => {
    const r = made();
    expect(r.drill).toMatchObject({ kind: 'passage', lang: 'en', template: SCRIPT, builtIn: false, version: 1 });
    expect(r.drill.bands).toEqual(DEFAULT_BANDS.en);
    expect(r.drill.title.en).toBe('Phrase from call Monday call.wav at 1:23');
    expect(r.drill.title['zh-CN']).toBe('通话 Monday call.wav 中 1:23 处的句子');
    expect(r.drill.id).toMatch(/^phrase-[a-z0-9-]+$/);
    expect(r).toMatchObject({ id: r.drill.id, sourceCallId: 'call-1', sourceFileName: 'Monday call.wav', sourceTurn: { startSec: 83.4, endSec: 90.2 } });
  });

  it('uses the Mandarin bands for a Mandarin call', () => {
    const r = made({ call: { ...call, lang: 'zh' }, script: '您好，我这边马上帮您查询一下账户的情况。' });
    expect(r.drill.lang).toBe('zh');
    expect(r.drill.bands).toEqual(DEFAULT_BANDS.zh);
  });

  it('refuses no script, a script too short to score, and a turn that is not the agent’s', () => {
    expect(makePhraseDrill({ call, turnIndex: 1, script: null, now: 1, nonce: 'a' })).toEqual({ ok: false, reason: 'noScript' });
    expect(makePhraseDrill({ call, turnIndex: 1, script: '  ', now: 1, nonce: 'a' })).toEqual({ ok: false, reason: 'noScript' });
    expect(makePhraseDrill({ call, turnIndex: 1, script: 'Thank you.', now: 1, nonce: 'a' })).toEqual({ ok: false, reason: 'badScript' });
    expect(makePhraseDrill({ call, turnIndex: 0, script: SCRIPT, now: 1, nonce: 'a' })).toEqual({ ok: false, reason: 'noTurn' });
    expect(makePhraseDrill({ call, turnIndex: 7, script: SCRIPT, now: 1, nonce: 'a' })).toEqual({ ok: false, reason: 'noTurn' });
  });

  it('keeps a long file name within the title limit', () => {
    const r = made({ call: { ...call, fileName: `${'x'.repeat(300)}.wav` } });
    expect(r.drill.title.en.length).toBeLessThanOrEqual(200);
    expect(r.sourceFileName).toBe(`${'x'.repeat(300)}.wav`);
  });
});

describe('user drill storage (Dexie v4)', () => {
  it('puts, lists newest first, gets, and keeps the drills after reopening', async () => {
    const name = `voicedrill-user-drills-${++dbCounter}`;
    const store = await freshStore(name);
    const older = made({ now: 1000, nonce: 'old' });
    const newer = made({ now: 2000, nonce: 'new' });
    await store.putUserDrill(older);
    await store.putUserDrill(newer);
    expect((await store.listUserDrills()).map((d) => d.id)).toEqual([newer.id, older.id]);
    expect(await store.getUserDrill(older.id)).toEqual(older);
    expect(await store.getUserDrill('phrase-none')).toBeNull();
    store.close();
    opened.splice(opened.indexOf(store), 1);
    const again = await freshStore(name);
    expect((await again.listUserDrills()).map((d) => d.id)).toEqual([newer.id, older.id]);
  });

  it('refuses to store a malformed drill, and skips an unreadable stored row when listing', async () => {
    const store = await freshStore();
    const good = made();
    await expect(store.putUserDrill({ ...good, drill: { ...good.drill, template: '' } })).rejects.toBeInstanceOf(StorageError);
    await expect(store.putUserDrill({ ...good, sourceCallId: '' })).rejects.toBeInstanceOf(StorageError);
    await expect(store.putUserDrill({ ...good, id: 'other-id' })).rejects.toBeInstanceOf(StorageError);
    await store.putUserDrill(good);
    await store.db.userDrills.put({ id: 'phrase-broken', createdAt: 5 } as unknown as UserDrillRecord);
    expect((await store.listUserDrills()).map((d) => d.id)).toEqual([good.id]);
    await expect(store.getUserDrill('phrase-broken')).rejects.toMatchObject({ kind: 'corrupt' });
  });

  it('refuses a record from a newer version', () => {
    expect(() => restoreUserDrill({ ...made(), schemaVersion: 2 })).toThrow(expect.objectContaining({ kind: 'newer-version' }));
  });

  it('upgrades a version 3 database to the current version keeping its calls table', async () => {
    const name = `voicedrill-user-drills-upgrade-${++dbCounter}`;
    const { Dexie } = await import('dexie');
    const v3 = new Dexie(name);
    v3.version(1).stores({ profile: 'id', takes: 'id, drillId, status, createdAt, [drillId+createdAt]', audioChunks: '[takeId+seq], takeId' });
    v3.version(2).stores({ takeSummaries: 'id, drillId, createdAt' });
    v3.version(3).stores({ calls: 'id, createdAt', callAudio: '[callId+index], callId' });
    await v3.open();
    await v3.table('profile').put({ id: 'me', schemaVersion: 2, scriptLang: 'en', uiLang: 'en' });
    v3.close();
    const db = new VoiceDrillDb({ name });
    await db.open();
    expect(db.verno).toBe(7);
    expect(await db.profile.count()).toBe(1);
    expect(await db.userDrills.count()).toBe(0);
    db.close();
  });
});

describe('drill picker with the agent’s drills', () => {
  const en = made();
  const zh = made({ call: { ...call, lang: 'zh' }, script: '您好，我这边马上帮您查询一下账户的情况。', nonce: 'zh' }).drill;

  it('lists the agent’s drills of the language last, under "From my calls"', () => {
    const menu = drillMenu('en', 'en', [en.drill, zh]);
    expect(menu.map((s) => s.kind)).toEqual(['greeting3', 'greeting4', 'passage', 'mine']);
    expect(menu[3]).toEqual({ kind: 'mine', label: 'From my calls', drills: [{ id: en.drill.id, title: en.drill.title.en }] });
    expect(drillMenu('zh', 'zh-CN', [en.drill, zh]).at(-1)).toEqual({ kind: 'mine', label: '来自我的通话', drills: [{ id: zh.id, title: zh.title['zh-CN'] }] });
    expect(drillMenu('en', 'en', []).map((s) => s.kind)).not.toContain('mine');
  });

  it('selects an agent’s drill of the language, else the first built-in', () => {
    expect(pickDrill('en', en.drill.id, [en.drill, zh])).toBe(en.drill);
    expect(pickDrill('en', zh.id, [en.drill, zh]).id).toBe('en-greeting3');
    expect(pickDrill('en', en.drill.id).id).toBe('en-greeting3');
  });
});

describe('#/practice/<drillId>', () => {
  it('opens practice with a drill; the old routes stay as they were', () => {
    const route = { screen: 'drill' as const, drillId: 'phrase-abc-12' };
    expect(routeHref(route)).toBe('#/practice/phrase-abc-12');
    expect(parseRoute('#/practice/phrase-abc-12')).toEqual(route);
    expect(navScreenOf(route)).toBe('practice');
    expect(parseRoute('#/practice')).toEqual({ screen: 'practice' });
    expect(parseRoute('#/practice/')).toEqual({ screen: 'practice' });
    expect(parseRoute('#/call/c1')).toEqual({ screen: 'call', callId: 'c1' });
  });
});
