// @vitest-environment jsdom
/**
 * The take page's first-paint picture (docs/adr/0010-take-first-paint.md): what is captured of the live page
 * (texts, classes, styles, fields' values) and what never is (ids, handlers, scripts, frames, outside links,
 * test hooks); the snapshot read back only for its build, take and window width; and the store forgetting it
 * whenever the take or the calibration changes. Building the picture (a closed shadow root, canvases) needs a
 * real browser: tests/e2e/progress-review.test.ts.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteAllData } from '../../src/backup/index.ts';
import { findBuiltInDrill, renderDrill, type Drill } from '../../src/drills/index.ts';
import { captureTakeSnapshot, readTakeSnapshot, writeTakeSnapshot } from '../../src/features/history/first-paint.ts';
import { DB_NAME, defaultProfile, openStore, type VoiceDrillStore } from '../../src/storage/index.ts';
import { firstPaintKey, TAKE_PAGE_FIRST_PAINT } from '../../src/storage/first-paint-cache.ts';
import { capturePicture, isPagePicture, PICTURE_LIMITS, type PictureElement, type PictureNode } from '../../src/ui/page-picture.ts';
import { MemoryStorage } from './memory-storage.ts';

const TAKE_KEY = firstPaintKey(TAKE_PAGE_FIRST_PAINT);
const PROGRESS_KEY = firstPaintKey('progress');

/** A live page with what a picture keeps and what it must not. */
function livePage(): HTMLElement {
  const root = document.createElement('div');
  root.id = 'root';
  root.innerHTML = `
    <header class="topbar"><h1>VoiceDrill</h1><nav class="nav"><a href="#/history" aria-current="page">History</a>
      <a href="https://elsewhere.example/">Out</a><a href="javascript:alert(1)">Bad</a></nav>
      <select data-testid="ui-lang"><option value="en">English</option><option value="zh-CN">中文</option></select></header>
    <main id="main"><section class="screen take" data-testid="take" onclick="window.pwned = 1">
      <h2 id="take-title" tabindex="-1" style="color: red">Your scorecard: Four-part greeting</h2>
      <script>window.pwned = 2</script><iframe srcdoc="x"></iframe><img src="x.png" alt="">
      <form action="/steal"><input type="text" name="n" value="typed"><input type="checkbox" checked></form>
      <p class="notice" data-status="good">Pace <strong>12.4 wpm</strong></p>
    </section></main>`;
  (root.querySelector('select') as HTMLSelectElement).selectedIndex = 1;
  document.body.replaceChildren(root);
  return root;
}

function elements(node: PictureNode): PictureElement[] {
  return typeof node === 'string' ? [] : [node, ...(node.c ?? []).flatMap(elements)];
}

function text(node: PictureNode): string {
  return typeof node === 'string' ? node : (node.c ?? []).map(text).join('');
}

describe('the picture of a page', () => {
  it('keeps texts, classes, styles and fields as drawn; never ids, handlers, scripts, frames, images, outside links or test hooks', () => {
    const root = livePage();
    const picture = capturePicture(root);
    if (!picture) throw new Error('no picture');
    expect(isPagePicture(picture)).toBe(true);
    const all = elements(picture.root);
    const tags = all.map((e) => e.t);
    expect(tags).not.toContain('script');
    expect(tags).not.toContain('iframe');
    expect(tags).not.toContain('img');
    expect(tags).not.toContain('form'); // drawn as its box
    const names = all.flatMap((e) => (e.a ?? []).map(([n]) => n));
    expect(names).not.toContain('id');
    expect(names).not.toContain('onclick');
    expect(names).not.toContain('tabindex');
    expect(names).not.toContain('data-testid');
    expect(names).not.toContain('action');
    // The in-app link keeps its place (so it looks like a link); links out and scripts in links do not.
    expect(all.filter((e) => e.t === 'a').map((e) => (e.a ?? []).find(([n]) => n === 'href')?.[1] ?? null)).toEqual(['#/history', null, null]);
    expect(text(picture.root)).toContain('Your scorecard: Four-part greeting');
    expect(text(picture.root)).not.toContain('window.pwned');
    const h2 = all.find((e) => e.t === 'h2');
    expect(h2?.s).toBe('color: red');
    const p = all.find((e) => e.t === 'p');
    expect(p?.a).toEqual([['class', 'notice'], ['data-status', 'good']]);
    expect(all.find((e) => e.t === 'select')?.v).toBe('1');
    expect(all.filter((e) => e.t === 'input').map((e) => [e.v, e.on])).toEqual([['typed', undefined], [undefined, true]]);
  });

  it('is none when the page is larger than the limit', () => {
    const root = document.createElement('div');
    for (let i = 0; i <= PICTURE_LIMITS.nodes; i++) root.append(document.createElement('span'));
    document.body.replaceChildren(root);
    expect(capturePicture(root)).toBeNull();
  });

  it('has a picture\'s shape only with PNG data images', () => {
    expect(isPagePicture({ root: { t: 'div' }, images: [] })).toBe(true);
    expect(isPagePicture({ root: { t: 'div' }, images: ['data:text/html;base64,PHNjcmlwdD4='] })).toBe(false);
    expect(isPagePicture({ root: 'div', images: [] })).toBe(false);
    expect(isPagePicture(null)).toBe(false);
  });
});

describe('the take page snapshot', () => {
  it('is read back for its build, take and window width only; damaged or refused storage is none', () => {
    const storage = new MemoryStorage();
    const root = livePage();
    document.documentElement.lang = 'en';
    writeTakeSnapshot(captureTakeSnapshot(root, 'take-1', 'build-1'), storage);
    const width = window.innerWidth;
    const read = readTakeSnapshot(storage, 'build-1', 'take-1', width);
    expect(read).toMatchObject({ build: 'build-1', takeId: 'take-1', uiLang: 'en', viewportWidthPx: width });
    expect(text(read?.picture.root ?? '')).toContain('12.4 wpm');
    expect(readTakeSnapshot(storage, 'build-2', 'take-1', width)).toBeNull();
    expect(readTakeSnapshot(storage, 'build-1', 'take-2', width)).toBeNull();
    expect(readTakeSnapshot(storage, 'build-1', 'take-1', width + 1)).toBeNull();
    for (const damaged of ['{', 'null', '[]', JSON.stringify({ ...read, picture: { root: { t: 'div' }, images: ['http://x/y.png'] } })]) {
      storage.setItem(TAKE_KEY, damaged);
      expect(readTakeSnapshot(storage, 'build-1', 'take-1', width)).toBeNull();
    }
    expect(readTakeSnapshot(new MemoryStorage('all'), 'build-1', 'take-1', width)).toBeNull();
    expect(() => writeTakeSnapshot(captureTakeSnapshot(root, 'take-1', 'build-1'), new MemoryStorage('all'))).not.toThrow();
  });

  it('a page too large to keep forgets the one kept before (it would show another take)', () => {
    const storage = new MemoryStorage();
    storage.setItem(TAKE_KEY, '{"takeId":"old"}');
    const root = document.createElement('div');
    for (let i = 0; i <= PICTURE_LIMITS.nodes; i++) root.append(document.createElement('span'));
    document.body.replaceChildren(root);
    writeTakeSnapshot(captureTakeSnapshot(root, 'take-1', 'build-1'), storage);
    expect(storage.items.has(TAKE_KEY)).toBe(false);
  });
});

describe('the store forgets the take page\'s picture when what it shows may no longer be true', () => {
  const storage = new MemoryStorage();
  let store: VoiceDrillStore;
  const drill = findBuiltInDrill('en-greeting3') as Drill;
  const addTake = (id: string): Promise<unknown> => store.createTake({ id, drill, script: renderDrill(drill, { name: 'Alex', company: 'Bluebird' }).script, sampleRateHz: 16000 });
  const kept = (): [boolean, boolean] => [storage.items.has(TAKE_KEY), storage.items.has(PROGRESS_KEY)];

  beforeEach(async () => {
    (globalThis as { localStorage?: Storage }).localStorage = storage as unknown as Storage;
    store = await openStore();
    await store.saveProfile({ ...defaultProfile('en'), uiLang: 'en' });
    await addTake('a');
    storage.setItem(TAKE_KEY, JSON.stringify({ uiLang: 'en' }));
    storage.setItem(PROGRESS_KEY, JSON.stringify({ uiLang: 'en' }));
  });
  afterEach(async () => {
    store.close();
    delete (globalThis as { localStorage?: Storage }).localStorage;
    storage.items.clear();
    await Dexie.delete(DB_NAME);
  });

  it('keeps both for a new take; a rename forgets the take page only', async () => {
    await addTake('b');
    expect(kept()).toEqual([true, true]);
    await store.renameTake('a', 'First');
    expect(kept()).toEqual([false, true]);
  });

  it('a new calibration forgets the take page only (its contour is drawn against it); the script language keeps it', async () => {
    await store.saveProfile({ ...defaultProfile('en'), uiLang: 'en', scriptLang: 'zh' });
    expect(kept()).toEqual([true, true]);
    const calibrated = { ...defaultProfile('en'), uiLang: 'en' as const, scriptLang: 'zh' as const, baseline: { medianHz: 180, activeLevelDbfs: -20, recordedAt: '2026-12-01T10:00:00.000Z', analysisVersion: '1.5.0' } };
    await store.saveProfile(calibrated);
    expect(kept()).toEqual([false, true]);
    // Calibrated again: a change inside the calibration (Dexie reports 'baseline.medianHz').
    storage.setItem(TAKE_KEY, JSON.stringify({ uiLang: 'en' }));
    await store.saveProfile({ ...calibrated, scriptLang: 'en' });
    expect(kept()).toEqual([true, true]);
    await store.saveProfile({ ...calibrated, baseline: { ...calibrated.baseline, medianHz: 175 } });
    expect(kept()).toEqual([false, true]);
  });

  it('a delete, a new UI language and "delete all" forget both', async () => {
    await store.deleteTake('a');
    expect(kept()).toEqual([false, false]);
    storage.setItem(TAKE_KEY, JSON.stringify({ uiLang: 'en' }));
    storage.setItem(PROGRESS_KEY, JSON.stringify({ uiLang: 'en' }));
    await store.saveProfile({ ...defaultProfile('en'), uiLang: 'zh-CN' });
    expect(kept()).toEqual([false, false]);
    storage.setItem(TAKE_KEY, JSON.stringify({ uiLang: 'zh-CN' }));
    await deleteAllData(store);
    expect(kept()).toEqual([false, false]);
  });
});
