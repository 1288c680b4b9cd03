/**
 * Start-up's first paint of the progress page (docs/adr/0009-first-paint.md): the page's top as the app
 * drew it last time (progress-snapshot.ts), built with the DOM API (text only, never parsed HTML; headings are
 * look-alike blocks and controls, app.css .fp-h1…, so the picture adds no heading and nothing focusable) and the
 * first chart drawn by uPlot through the live chart's own options, in the first-paint layer. The live page
 * removes the layer once its own chart has painted (ProgressPage). Loaded by src/app/early-start.ts only.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { dismissFirstPaint, FIRST_PAINT_DISMISSED, showFirstPaintLayer } from '../../ui/first-paint-overlay.ts';
import { PROGRESS_CHART_HEIGHT_PX, progressChartOptions } from './progress-chart-options.ts';
import { readProgressSnapshot, type HeaderSnapshot, type ProgressSnapshot } from './progress-snapshot.ts';

/** Narrowest chart drawn, CSS px (as the live chart). */
const MIN_WIDTH_PX = 240;

type Make = <K extends keyof HTMLElementTagNameMap>(tag: K, props?: { className?: string; text?: string }, ...children: Node[]) => HTMLElementTagNameMap[K];

function maker(doc: Document): Make {
  return (tag, props = {}, ...children) => {
    const el = doc.createElement(tag);
    if (props.className) el.className = props.className;
    if (props.text !== undefined) el.textContent = props.text;
    el.append(...children);
    return el;
  };
}

function header(make: Make, h: HeaderSnapshot): HTMLElement {
  const nav = make('nav', { className: 'nav' }, make('ul', {}, ...h.nav.map((item) => {
    const a = make('a', { text: item.label });
    if (item.current) a.setAttribute('aria-current', 'page');
    return make('li', {}, a);
  })));
  return make('header', { className: 'topbar' },
    make('div', { className: 'brand' }, make('div', { className: 'fp-h1', text: h.title }), make('p', { className: 'tagline', text: h.tagline })),
    nav,
    make('div', { className: 'lang-switch' }, make('span', { text: h.langLabel }), make('div', { className: 'fp-select', text: h.langName })));
}

/** The page's top from `s`, its chart box returned to be drawn in. */
function page(make: Make, s: ProgressSnapshot): { root: HTMLElement; chartBox: HTMLElement } {
  const chartBox = make('div');
  chartBox.style.minHeight = `${PROGRESS_CHART_HEIGHT_PX}px`;
  const figure = make('figure', { className: 'progress-chart' }, make('figcaption', { text: s.chart.caption }), chartBox);
  if (s.chart.bandNote) figure.append(make('p', { className: 'progress-band-note', text: s.chart.bandNote }));
  const section = make('section', { className: 'screen progress' }, make('div', { className: 'fp-h2', text: s.heading }), make('p', { className: 'progress-streak', text: s.streak }));
  section.dataset.firstPaint = 'progress';
  section.dataset.takeCount = String(s.takeCount);
  if (s.drillPicker) section.append(make('div', { className: 'field' }, make('span', { text: s.drillPicker.label }), make('div', { className: 'fp-select', text: s.drillPicker.shown })));
  if (s.bests) {
    const { openLabel } = s.bests;
    section.append(make('section', {}, make('div', { className: 'fp-h3', text: s.bests.heading }),
      make('ul', {}, ...s.bests.items.map((text) => make('li', { text: `${text} ` }, make('span', { className: 'fp-button', text: openLabel }))))));
  }
  if (s.versionNote) section.append(make('p', { className: 'progress-version-note', text: s.versionNote }));
  section.append(make('div', { className: 'progress-charts' }, figure));
  const root = make('div', {}, header(make, s.header), make('main', { className: 'main' }, section));
  root.lang = s.uiLang;
  return { root, chartBox };
}

/** Start-up reads (and checks) the snapshot before it waits for anything (src/app/early-start.ts). */
export { readProgressSnapshot };

/**
 * Paint the progress page's top from its snapshot (readProgressSnapshot: this build's); returns whether it
 * painted. Never throws: a failure leaves no layer and the live page is drawn as before.
 */
export function paintProgressFirst(snapshot: ProgressSnapshot, doc: Document = document): boolean {
  let layer: HTMLElement | null = null;
  try {
    const { root, chartBox } = page(maker(doc), snapshot);
    layer = showFirstPaintLayer(doc);
    layer.append(root);
    const width = Math.max(MIN_WIDTH_PX, Math.floor(chartBox.clientWidth));
    const chart = new uPlot({ ...progressChartOptions(snapshot.chart.draw), width, height: PROGRESS_CHART_HEIGHT_PX }, snapshot.chart.draw.data as uPlot.AlignedData, chartBox);
    // uPlot listens on the window: released with the layer.
    layer.addEventListener(FIRST_PAINT_DISMISSED, () => chart.destroy(), { once: true });
    return true;
  } catch {
    if (layer) dismissFirstPaint(doc);
    return false;
  }
}
