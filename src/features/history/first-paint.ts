/**
 * Start-up's first paint of a take's page (docs/adr/0010-take-first-paint.md): the page as the app drew it the
 * last time a take was opened — header, scorecard, the review's contour and loudness — kept as a picture
 * (ui/page-picture.ts) with the take's id, the build, the UI language and the window's width, and painted by
 * start-up's first script (app/early-start.ts) on that take's route, before React and IndexedDB are ready.
 * The live page removes it once its own contour has painted (TakeScreen). Only the last take opened is kept.
 */
import { firstPaintStorage, readFirstPaint, TAKE_PAGE_FIRST_PAINT, writeFirstPaint, type FirstPaintStorage } from '../../storage/first-paint-cache.ts';
import { dismissFirstPaint, showFirstPaintLayer } from '../../ui/first-paint-overlay.ts';
import { buildPicture, capturePicture, isPagePicture, type PagePicture } from '../../ui/page-picture.ts';

/** Longest kept snapshot, characters (localStorage holds ≈ 5 M for the whole app). */
const MAX_SNAPSHOT_CHARS = 2_000_000;

/** The take page as last drawn. */
export interface TakeSnapshot {
  /** The app build that drew it (a new build draws its own). */
  build: string;
  /** The UI language (the page's lang). */
  uiLang: string;
  takeId: string;
  /** The window's width when drawn, CSS px: at another width the page is laid out otherwise, so no first paint. */
  viewportWidthPx: number;
  picture: PagePicture;
}

/** The snapshot of `takeId` drawn by `build` at `viewportWidthPx`, or null (none, another's, unreadable, storage refused). */
export function readTakeSnapshot(storage: FirstPaintStorage | null, build: string, takeId: string, viewportWidthPx: number): TakeSnapshot | null {
  try {
    const text = readFirstPaint(TAKE_PAGE_FIRST_PAINT, storage);
    if (!text) return null;
    const v = JSON.parse(text) as Partial<TakeSnapshot> | null;
    const ok = typeof v === 'object' && v !== null && v.build === build && v.takeId === takeId && typeof v.uiLang === 'string'
      && v.viewportWidthPx === viewportWidthPx && isPagePicture(v.picture);
    return ok ? v as TakeSnapshot : null;
  } catch {
    return null;
  }
}

/** The take page now on screen (`root`, the app's root element), or null when it is too large for a picture. */
export function captureTakeSnapshot(root: Element, takeId: string, build: string): TakeSnapshot | null {
  const doc = root.ownerDocument;
  // What the window shows from the page's top is drawn whole; below it, boxes of the same size, but for the
  // review's canvas (its contour), which is drawn where it is.
  const picture = capturePicture(root, doc.defaultView?.innerHeight ?? Infinity);
  return picture && { build, uiLang: doc.documentElement.lang, takeId, viewportWidthPx: doc.defaultView?.innerWidth ?? 0, picture };
}

/** Keep `snapshot` for the next start-up (null or too large: none kept; storage refused: none either). */
export function writeTakeSnapshot(snapshot: TakeSnapshot | null, storage: FirstPaintStorage | null = firstPaintStorage()): void {
  const text = snapshot && JSON.stringify(snapshot);
  writeFirstPaint(TAKE_PAGE_FIRST_PAINT, text && text.length <= MAX_SNAPSHOT_CHARS ? text : null, storage);
}

/**
 * Paint a take's page from its snapshot (readTakeSnapshot: the take's, this build's, at this width); resolves
 * whether it painted (its images drawn). Never throws: a failure leaves no layer and the live page is drawn as before.
 */
export async function paintTakeFirst(snapshot: TakeSnapshot, doc: Document = document): Promise<boolean> {
  try {
    const layer = showFirstPaintLayer(doc);
    layer.dataset.firstPaint = TAKE_PAGE_FIRST_PAINT;
    layer.lang = snapshot.uiLang;
    // Shown whole, once its images are drawn: never a page without its contour.
    layer.style.visibility = 'hidden';
    await buildPicture(layer, snapshot.picture);
    layer.style.visibility = '';
    return true;
  } catch {
    dismissFirstPaint(doc);
    return false;
  }
}
