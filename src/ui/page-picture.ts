/**
 * A picture of a screen as drawn (docs/adr/0010-take-first-paint.md): its element tree with classes, styles and
 * texts, and its canvases as PNG images, as plain data that survives JSON; and that picture built again,
 * with the DOM API only (text as text nodes, never parsed HTML), inside a closed shadow root styled by the
 * page's own style sheets. What it never carries: ids, links, sources, event handlers, scripts, frames,
 * anything focusable by itself (the layer it goes in is inert). No imports: start-up's first chunk uses it.
 */

/** One element of a picture: tag, kept attributes, inline style, a field's value, children; a canvas is an image index. */
export interface PictureElement {
  /** Tag name (lower case). */
  t: string;
  /** Attributes kept (keepAttribute). */
  a?: [string, string][];
  /** Inline style (cssText). */
  s?: string;
  /** A field's value (input, textarea) or a select's chosen option index. */
  v?: string;
  /** A checkbox's or radio button's checked state. */
  on?: boolean;
  /** Children: text or elements. */
  c?: PictureNode[];
  /** A canvas: the index of its image in PagePicture.images. */
  img?: number;
  /** A canvas: the live canvas's data-testid (the rebuilt one carries it as data-first-paint-of). */
  of?: string;
  /** An SVG element. */
  svg?: true;
}

/** A node of a picture: text or an element. */
export type PictureNode = string | PictureElement;

/** A screen's picture. */
export interface PagePicture {
  root: PictureElement;
  /** The canvases' pixels, as PNG data URLs. */
  images: string[];
}

/** Most elements and texts a picture holds, characters of its images, depth: past them, no picture. */
export const PICTURE_LIMITS = { nodes: 6000, imageChars: 1_500_000, depth: 60 } as const;

const SVG_NS = 'http://www.w3.org/2000/svg';
const PNG_PREFIX = 'data:image/png;base64,';
/** Never in a picture: code, frames, media, forms' submission, document-level elements. */
const DROPPED_TAGS = new Set(['script', 'style', 'link', 'meta', 'base', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'noscript', 'audio', 'video', 'source', 'track', 'img', 'picture', 'slot', 'foreignobject', 'use', 'image']);
/** Drawn as another element: a form as its box (a picture submits nothing). */
const RENAMED_TAGS: Record<string, string> = { form: 'div' };
const HTML_ATTRIBUTES = new Set(['class', 'lang', 'dir', 'role', 'type', 'href', 'disabled', 'open', 'colspan', 'rowspan', 'hidden', 'max', 'min', 'low', 'high', 'optimum', 'value', 'selected', 'placeholder', 'size', 'rows', 'cols', 'title', 'width', 'height']);
const TAG = /^[a-z][a-z0-9-]*$/;
const ATTRIBUTE = /^[a-z][a-z0-9_.:-]*$/i;

/**
 * Whether an attribute goes into (and comes out of) a picture: styling and state only, never ids, sources or
 * handlers; a link only to a place in the app (`#/…`, so it looks like the live link; the picture is inert).
 */
export function keepAttribute(name: string, value: string, svg: boolean): boolean {
  const n = name.toLowerCase();
  if (n === 'href') return !svg && /^#[\w/%.-]*$/.test(value);
  if (!ATTRIBUTE.test(n) || n.startsWith('on') || n.includes('href') || n === 'src' || n === 'style' || n === 'id') return false;
  if (n === 'data-testid') return false; // the live screen's test hooks stay unique to it
  return svg || n.startsWith('data-') || n.startsWith('aria-') || HTML_ATTRIBUTES.has(n);
}

function keptTag(tag: string): boolean {
  return TAG.test(tag) && !DROPPED_TAGS.has(tag) && !Object.hasOwn(RENAMED_TAGS, tag);
}

function keptOnCapture(tag: string): boolean {
  return Object.hasOwn(RENAMED_TAGS, tag) || keptTag(tag);
}

/** Displays whose box keeps its size when emptied and given a width and height (a placeholder). */
const BOX_DISPLAYS = new Set(['block', 'flow-root', 'flex', 'grid', 'list-item', 'table']);

/**
 * The style of `el` emptied to a box of its drawn size (same tag, classes, margins, borders), or null when it
 * cannot stand in for itself that way: an inline element, one with no box (an option), one holding a canvas, or
 * one inside a table or list box (their layout depends on every cell's content).
 */
function placeholderStyle(el: Element, rect: DOMRect): string | null {
  const view = el.ownerDocument.defaultView;
  if (!view || (rect.width === 0 && rect.height === 0) || el.querySelector('canvas') || el.closest('table, select, datalist')) return null;
  if (!BOX_DISPLAYS.has(view.getComputedStyle(el).display)) return null;
  // A block's width follows its container; a flex or grid item's follows its content, which is gone: keep it.
  const parentDisplay = el.parentElement ? view.getComputedStyle(el.parentElement).display : 'block';
  const width = /flex|grid/.test(parentDisplay) ? `;width:${rect.width}px` : '';
  const own = el.getAttribute('style')?.trim() ?? '';
  return `${own}${own === '' || own.endsWith(';') ? '' : ';'}box-sizing:border-box;height:${rect.height}px${width}`;
}

/**
 * The picture of `root` as drawn now, or null when it is larger than PICTURE_LIMITS or a canvas cannot be read.
 * With `visibleHeightPx`, an element wholly below that line of the page's top (or above it) and holding no
 * canvas is kept as an empty box of its size: the picture lays out as the page did, with less to lay out.
 */
export function capturePicture(root: Element, visibleHeightPx = Infinity): PagePicture | null {
  const images: string[] = [];
  let nodes = 0;
  let imageChars = 0;
  // The picture is shown from the page's top: place each element as if the page were not scrolled.
  const scrollYPx = root.ownerDocument.defaultView?.scrollY ?? 0;
  const walk = (el: Element, depth: number, withChildren = true): PictureElement => {
    const svg = el.namespaceURI === SVG_NS;
    const tag = el.localName.toLowerCase();
    const out: PictureElement = { t: Object.hasOwn(RENAMED_TAGS, tag) ? RENAMED_TAGS[tag] as string : tag };
    if (svg) out.svg = true;
    const attrs: [string, string][] = [];
    for (const attr of el.attributes) if (keepAttribute(attr.name, attr.value, svg)) attrs.push([attr.name, attr.value]);
    if (attrs.length > 0) out.a = attrs;
    const style = el.getAttribute('style');
    if (style) out.s = style;
    if (el instanceof HTMLCanvasElement) {
      if (el.width === 0 || el.height === 0) return out;
      const png = el.toDataURL('image/png');
      imageChars += png.length;
      if (imageChars > PICTURE_LIMITS.imageChars) throw new RangeError('images');
      out.img = images.push(png) - 1;
      const testId = el.dataset.testid;
      if (testId) out.of = testId;
      return out;
    }
    if (el instanceof HTMLInputElement) {
      if (el.type === 'checkbox' || el.type === 'radio') out.on = el.checked;
      else if (el.type !== 'file' && el.type !== 'password') out.v = el.value;
    } else if (el instanceof HTMLTextAreaElement) out.v = el.value;
    else if (el instanceof HTMLSelectElement) out.v = String(el.selectedIndex);
    if (!withChildren) return out;
    const children: PictureNode[] = [];
    for (const child of el.childNodes) {
      if (++nodes > PICTURE_LIMITS.nodes || depth > PICTURE_LIMITS.depth) throw new RangeError('size');
      if (child.nodeType === 3) children.push(child.nodeValue ?? '');
      else if (child instanceof Element && keptOnCapture(child.localName.toLowerCase())) {
        const rect = child.getBoundingClientRect();
        const outside = rect.top + scrollYPx >= visibleHeightPx || rect.bottom + scrollYPx <= 0;
        const box = outside ? placeholderStyle(child, rect) : null;
        if (box === null) children.push(walk(child, depth + 1));
        else children.push({ ...walk(child, depth + 1, false), s: box });
      }
    }
    if (children.length > 0) out.c = children;
    return out;
  };
  try {
    return { root: walk(root, 0), images };
  } catch {
    return null; // too large, or a canvas that may not be read
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether `v` has a picture's outer shape (its tree is checked while it is built). */
export function isPagePicture(v: unknown): v is PagePicture {
  return isObject(v) && isObject(v.root) && Array.isArray(v.images) && v.images.length <= 64
    && v.images.every((png) => typeof png === 'string' && png.startsWith(PNG_PREFIX));
}

/** The bytes of base64 `text` (Uint8Array.fromBase64 where the browser has it: ≈ 20 ms faster for 150 KB). */
function base64Bytes(text: string): Uint8Array {
  const native = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array }).fromBase64;
  if (native) return native.call(Uint8Array, text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The page's own style rules as one sheet for a shadow root (the same look as the live screen). */
function pageStyles(doc: Document): CSSStyleSheet {
  const rules: string[] = [];
  for (const sheet of doc.styleSheets) {
    try {
      for (const rule of sheet.cssRules) rules.push(rule.cssText);
    } catch {
      // A sheet from another origin cannot be read: the app has none.
    }
  }
  const sheet = new (doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet)();
  sheet.replaceSync(rules.join('\n'));
  return sheet;
}

/**
 * Build `picture` in `host` (an element already on the page): the tree in a closed shadow root, styled by the
 * page's sheets, each canvas a canvas of the host's own (slotted where it was) with its image drawn. Throws on
 * a picture of the wrong shape (nothing is left half-built: the caller removes the host). Resolves once every
 * image is drawn.
 */
export async function buildPicture(host: HTMLElement, picture: PagePicture): Promise<void> {
  const doc = host.ownerDocument;
  let nodes = 0;
  const canvases: { canvas: HTMLCanvasElement; png: string }[] = [];
  const build = (p: unknown, depth: number): Node => {
    if (++nodes > PICTURE_LIMITS.nodes || depth > PICTURE_LIMITS.depth) throw new RangeError('The picture is too large.');
    if (typeof p === 'string') return doc.createTextNode(p);
    if (!isObject(p) || typeof p.t !== 'string' || !keptTag(p.t)) throw new TypeError('Not a picture element.');
    const svg = p.svg === true;
    if (typeof p.img === 'number') {
      const png = picture.images[p.img];
      if (png === undefined) throw new TypeError('A canvas without its image.');
      const canvas = doc.createElement('canvas');
      const slot = doc.createElement('slot');
      slot.name = `first-paint-canvas-${canvases.length}`;
      canvas.slot = slot.name;
      if (typeof p.s === 'string') canvas.style.cssText = p.s;
      if (typeof p.of === 'string') canvas.dataset.firstPaintOf = p.of;
      canvases.push({ canvas, png });
      return slot;
    }
    const el = svg ? doc.createElementNS(SVG_NS, p.t) : doc.createElement(p.t);
    if (p.a !== undefined) {
      if (!Array.isArray(p.a)) throw new TypeError('Bad attributes.');
      for (const pair of p.a as unknown[]) {
        if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') throw new TypeError('Bad attribute.');
        if (keepAttribute(pair[0], pair[1], svg)) el.setAttribute(pair[0], pair[1]);
      }
    }
    if (typeof p.s === 'string') (el as HTMLElement | SVGElement).style.cssText = p.s;
    if (p.c !== undefined) {
      if (!Array.isArray(p.c)) throw new TypeError('Bad children.');
      for (const child of p.c as unknown[]) el.append(build(child, depth + 1));
    }
    if (el instanceof HTMLInputElement && typeof p.on === 'boolean') el.checked = p.on;
    else if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && typeof p.v === 'string') el.value = p.v;
    else if (el instanceof HTMLSelectElement && typeof p.v === 'string') el.selectedIndex = Number(p.v);
    return el;
  };
  const tree = build(picture.root, 0);
  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.adoptedStyleSheets = [pageStyles(doc)];
  shadow.append(tree);
  await Promise.all(canvases.map(async ({ canvas, png }) => {
    // Decoded off the main thread, without waiting for a frame (an <img>'s decode() does).
    const bytes = base64Bytes(png.slice(PNG_PREFIX.length));
    const image = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }));
    canvas.width = image.width;
    canvas.height = image.height;
    canvas.getContext('2d')?.drawImage(image, 0, 0);
    image.close();
    host.append(canvas);
  }));
}
