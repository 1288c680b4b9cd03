// @vitest-environment jsdom
/**
 * The first-paint layer (src/ui/first-paint-overlay.ts) never traps the agent: hidden from assistive
 * technology and inert, gone on any key, pointer press, wheel or route change, on the live page's word, or
 * after MAX_SHOWN_MS at the latest; what was drawn in it hears that it goes, and nothing is left listening.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dismissFirstPaint, FIRST_PAINT_DISMISSED, FIRST_PAINT_ID, firstPaintShown, MAX_SHOWN_MS, showFirstPaintLayer } from '../../src/ui/first-paint-overlay.ts';

afterEach(() => {
  dismissFirstPaint();
  vi.useRealTimers();
});

describe('the first-paint layer', () => {
  it('is one hidden, inert layer; the live page removes it and what it drew hears it go', () => {
    const layer = showFirstPaintLayer();
    expect(showFirstPaintLayer()).toBe(layer);
    expect(document.querySelectorAll(`#${FIRST_PAINT_ID}`)).toHaveLength(1);
    expect(layer.getAttribute('aria-hidden')).toBe('true');
    expect(layer.hasAttribute('inert')).toBe(true);
    const released = vi.fn();
    layer.addEventListener(FIRST_PAINT_DISMISSED, released);
    dismissFirstPaint();
    expect(firstPaintShown()).toBe(false);
    expect(released).toHaveBeenCalledTimes(1);
    dismissFirstPaint(); // nothing left: no error
  });

  for (const [what, fire] of [
    ['a key', () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }))],
    ['a pointer press', () => window.dispatchEvent(new Event('pointerdown'))],
    ['the wheel', () => window.dispatchEvent(new Event('wheel'))],
    ['a route change', () => window.dispatchEvent(new Event('hashchange'))],
  ] as const) {
    it(`goes at once on ${what}`, () => {
      showFirstPaintLayer();
      fire();
      expect(firstPaintShown()).toBe(false);
    });
  }

  it(`goes after ${MAX_SHOWN_MS} ms at the latest, and a removed layer leaves no timer or listener behind`, () => {
    vi.useFakeTimers();
    showFirstPaintLayer();
    vi.advanceTimersByTime(MAX_SHOWN_MS - 1);
    expect(firstPaintShown()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(firstPaintShown()).toBe(false);
    const removeSpy = vi.spyOn(window, 'removeEventListener');
    showFirstPaintLayer();
    dismissFirstPaint();
    expect(vi.getTimerCount()).toBe(0);
    expect(removeSpy.mock.calls.map((c) => c[0]).sort()).toEqual(['hashchange', 'keydown', 'pointerdown', 'wheel']);
  });
});
