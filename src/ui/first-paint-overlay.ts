/**
 * The layer that holds start-up's first paint (docs/adr/0009-first-paint.md): a copy of the route's screen
 * as the app drew it last time, shown over the page until the live screen has painted. It is a picture,
 * not an interface: hidden from assistive technology and inert; any key, pointer press or route change
 * removes it at once, and it never stays longer than MAX_SHOWN_MS.
 */

/** The event the layer gets just before it is removed (what was drawn in it releases its resources). */
export const FIRST_PAINT_DISMISSED = 'first-paint-dismissed';
/** The layer's element id. */
export const FIRST_PAINT_ID = 'first-paint';
/** Longest the layer is shown, ms: a live screen that has not painted by then shows itself as it is. */
export const MAX_SHOWN_MS = 4000;

/** The layer, made and shown now (one per page: a second call returns the first). */
export function showFirstPaintLayer(doc: Document = document): HTMLElement {
  const existing = doc.getElementById(FIRST_PAINT_ID);
  if (existing) return existing;
  const layer = doc.createElement('div');
  layer.id = FIRST_PAINT_ID;
  layer.className = 'first-paint';
  layer.setAttribute('aria-hidden', 'true');
  layer.setAttribute('inert', '');
  doc.body.append(layer);
  const view = doc.defaultView;
  const dismiss = (): void => dismissFirstPaint(doc);
  const timer = view?.setTimeout(dismiss, MAX_SHOWN_MS);
  const events = ['hashchange', 'keydown', 'pointerdown', 'wheel'] as const;
  for (const type of events) view?.addEventListener(type, dismiss, { capture: true, once: true });
  layer.addEventListener(FIRST_PAINT_DISMISSED, () => {
    view?.clearTimeout(timer);
    for (const type of events) view?.removeEventListener(type, dismiss, { capture: true });
  }, { once: true });
  return layer;
}

/** Whether the first-paint layer is on the page. */
export function firstPaintShown(doc: Document = document): boolean {
  return doc.getElementById(FIRST_PAINT_ID) !== null;
}

/** Remove the first-paint layer (the live screen has painted, or the agent acted); no layer: nothing happens. */
export function dismissFirstPaint(doc: Document = document): void {
  const layer = doc.getElementById(FIRST_PAINT_ID);
  if (!layer) return;
  layer.dispatchEvent(new Event(FIRST_PAINT_DISMISSED));
  layer.remove();
}
