/**
 * Checks of a rendered screen for the browser tests: axe-core violations, sideways overflow at phone
 * width, elements sticking out of the box they belong in, overlapping waveform labels, and English left
 * on the Chinese UI. Each returns its findings as short sentences (empty: nothing found).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';

/** Every axe-core violation of any impact, as "rule (impact): selector, selector". */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `axe ${v.id} (${v.impact ?? 'no impact'}): ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`);
}

// In-page code is typed loosely (the Node hosts' tsconfig has no DOM library) and spells its casts out
// inside each function, which runs in the page.
interface Box { left: number; right: number; top: number; bottom: number; width: number; height: number }
interface PageEl {
  tagName: string;
  id: string;
  parentElement: PageEl | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Box;
  querySelectorAll(selector: string): ArrayLike<PageEl>;
}
interface PageWindow {
  innerWidth: number;
  document: { documentElement: PageEl & { scrollWidth: number; clientWidth: number }; body: PageEl };
  getComputedStyle(el: PageEl): { overflowX: string; clipPath: string; position: string };
}

/**
 * What sticks out sideways at the current viewport: the page wider than the window, or any element whose
 * box goes past the window's right (or left) edge, unless an ancestor that clips or scrolls contains it.
 * Only the outermost offender of a subtree is named.
 */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = globalThis as unknown as PageWindow;
    const doc = w.document;
    const width = w.innerWidth;
    const out: string[] = [];
    const name = (el: PageEl): string => {
      const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 2).join('.');
      const tag = el.getAttribute('data-testid') ?? el.getAttribute('data-action') ?? el.getAttribute('data-guideline');
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls}` : ''}${tag ? `[${tag}]` : ''}`;
    };
    if (doc.documentElement.scrollWidth > width) out.push(`page is ${doc.documentElement.scrollWidth} px wide in a ${width} px window`);
    const offends = (el: PageEl): boolean => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return false;
      if (r.right <= width + 0.5 && r.left >= -0.5) return false;
      for (let a = el.parentElement; a !== null && a !== doc.body; a = a.parentElement) {
        const style = w.getComputedStyle(a);
        if (style.overflowX !== 'visible' || (style.clipPath !== 'none' && style.clipPath !== '')) return false;
      }
      return true;
    };
    const all = Array.from(doc.body.querySelectorAll('*'));
    const bad = new Set(all.filter(offends));
    for (const el of bad) {
      if (el.parentElement && bad.has(el.parentElement)) continue;
      const r = el.getBoundingClientRect();
      out.push(`${name(el)} spans ${Math.round(r.left)}…${Math.round(r.right)} px in a ${width} px window`);
    }
    return out;
  });
}

/**
 * Elements of `inner` (a selector, relative to each box) whose box goes sideways out of the `boxes` it is
 * in, e.g. a scorecard cell's result label or comparison line spilling into the next cell.
 */
export async function escapingBoxes(boxes: Locator, inner = '*'): Promise<string[]> {
  return boxes.evaluateAll((els, sel) => {
    const out: string[] = [];
    for (const box of els as unknown as PageEl[]) {
      const b = box.getBoundingClientRect();
      for (const el of Array.from(box.querySelectorAll(sel))) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (r.left < b.left - 1 || r.right > b.right + 1) {
          const where = box.parentElement?.getAttribute('data-guideline') ?? box.getAttribute('data-guideline') ?? box.tagName.toLowerCase();
          out.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} “${(el as unknown as { textContent: string }).textContent.slice(0, 40)}” spans ${Math.round(r.left)}…${Math.round(r.right)} px outside its ${box.tagName.toLowerCase()} (${Math.round(b.left)}…${Math.round(b.right)} px) in ${where}`);
        }
      }
    }
    return out;
  }, inner);
}

/** Labels (any elements) that overlap one another or leave their parent sideways, by their boxes. */
export async function overlappingLabels(labels: Locator): Promise<string[]> {
  const boxes = await labels.evaluateAll((els) => (els as unknown as PageEl[]).map((el) => {
    const r = el.getBoundingClientRect();
    const p = el.parentElement?.getBoundingClientRect() ?? r;
    return { text: (el as unknown as { textContent: string }).textContent, r: { left: r.left, right: r.right, top: r.top, bottom: r.bottom }, parent: { left: p.left, right: p.right } };
  }));
  const out: string[] = [];
  const shown = boxes.filter((b) => b.r.right - b.r.left > 0 && b.r.bottom - b.r.top > 0);
  for (const b of shown) {
    if (b.r.left < b.parent.left - 1 || b.r.right > b.parent.right + 1) out.push(`label “${b.text}” is wider than its region`);
  }
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      const a = shown[i].r;
      const c = shown[j].r;
      const w = Math.min(a.right, c.right) - Math.max(a.left, c.left);
      const h = Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top);
      if (w > 1 && h > 1) out.push(`labels “${shown[i].text}” and “${shown[j].text}” overlap (${Math.round(w)}×${Math.round(h)} px)`);
    }
  }
  return out;
}

/** Latin words that may stand on the Chinese UI: the product, units, browsers and file types. */
export const LATIN_ALLOWED = ['VoiceDrill', 'dBFS', 'dB', 'Hz', 'wpm', 'chars/min', 'syl/s', 'st', 'CSV', 'Chrome', 'Edge', 'Space', 'https',
  'localhost', 'ITU-T', 'P.56', '.voicedrill', 'L'];

/**
 * English on the Chinese UI: runs of two or more Latin words in the page's text, its accessible names
 * (aria-label, title, alt, placeholder) and the document title, outside elements marked as another
 * language than the page's (lang="en" on the language switch's "English") and outside `userData` strings.
 */
export async function englishRuns(page: Page, userData: readonly string[] = []): Promise<string[]> {
  const texts = await page.evaluate(() => {
    type Node = { nodeValue: string | null; parentElement: (PageEl & { closest(s: string): PageEl | null }) | null };
    const w = globalThis as unknown as { document: { title: string; body: PageEl; createTreeWalker(root: PageEl, what: number): { nextNode(): Node | null } } };
    const doc = w.document;
    const pageLang = (doc.body.parentElement?.getAttribute('lang') ?? '').toLowerCase();
    // Text marked as another language than the page's (the language switch's "English") is not UI text.
    const foreign = (el: (PageEl & { closest(s: string): PageEl | null }) | null): boolean => {
      const tagged = el?.closest('[lang]');
      return !!tagged && (tagged.getAttribute('lang') ?? '').toLowerCase() !== pageLang;
    };
    const out = [doc.title];
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName) || foreign(parent)) continue;
      if (n.nodeValue && n.nodeValue.trim() !== '') out.push(n.nodeValue);
    }
    for (const el of Array.from(doc.body.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) as (PageEl & { closest(s: string): PageEl | null })[]) {
      if (foreign(el)) continue;
      for (const attr of ['aria-label', 'title', 'alt', 'placeholder']) {
        const v = el.getAttribute(attr);
        if (v) out.push(v);
      }
    }
    return out;
  });
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const allowed = new RegExp(`(^|[^A-Za-z])(${[...LATIN_ALLOWED].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![A-Za-z])`, 'g');
  const runs = new Set<string>();
  for (const raw of texts) {
    let text = raw;
    for (const data of userData) if (data) text = text.split(data).join(' 0 ');
    text = text.replace(allowed, '$1 0 ');
    for (const m of text.matchAll(/[A-Za-z]+(?:['’][A-Za-z]+)*(?:[ \t\n,.;:!?'’"“”()\-–—/]+[A-Za-z]+(?:['’][A-Za-z]+)*)+/g)) runs.add(`“${m[0]}” in “${raw.trim().slice(0, 80)}”`);
  }
  return [...runs];
}

/** ISO 8601 timestamps shown as they are stored ("2026-12-02T03:19:00.000Z") instead of as a date for people. */
export async function rawTimestamps(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return [...text.matchAll(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[^\s]*/g)].map((m) => `raw timestamp “${m[0]}”`);
}
