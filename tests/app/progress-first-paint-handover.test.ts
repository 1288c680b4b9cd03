// @vitest-environment jsdom
/**
 * The live progress page takes over from start-up's first paint (docs/adr/0009-first-paint.md): the layer
 * goes in the frame after the live page has drawn, and at once when the page can only show an error (the
 * picture must not cover the error's sentence).
 */
import { join } from 'node:path';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { StorageError, type VoiceDrillStore } from '../../src/storage/index.ts';
import { firstPaintShown, showFirstPaintLayer } from '../../src/ui/first-paint-overlay.ts';
import { REPO_ROOT } from '../helpers/cli.ts';

// uPlot reads the device pixel ratio through matchMedia when it loads; jsdom has none.
window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addEventListener: () => undefined, removeEventListener: () => undefined })) as unknown as typeof window.matchMedia;
// By path: the type-checked test config has no JSX (tests/app/team-screens.test.ts does the same).
const { ProgressPage } = (await import(join(REPO_ROOT, 'src/features/progress/ProgressPage.tsx'))) as {
  ProgressPage: (props: { store: VoiceDrillStore; uiLang: 'en'; initialDrillId: string | null }) => React.JSX.Element;
};

async function renderPage(store: Partial<VoiceDrillStore>, initialDrillId: string | null): Promise<{ host: HTMLElement; unmount(): Promise<void> }> {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  await act(async () => {
    root.render(createElement(ProgressPage, { store: store as VoiceDrillStore, uiLang: 'en', initialDrillId }));
  });
  // Two frames and the promises in between: the read, the render, the hand-over's frame.
  for (let i = 0; i < 3; i++) await act(async () => { await new Promise((r) => setTimeout(r, 20)); });
  return { host, unmount: async () => { await act(async () => root.unmount()); host.remove(); } };
}

describe('the live progress page and the first paint', () => {
  it('removes the first paint once it has drawn', async () => {
    showFirstPaintLayer();
    const view = await renderPage({ listSummaries: () => Promise.resolve([]) }, 'some-drill');
    expect(view.host.querySelector('[data-testid="progress"]')).not.toBeNull();
    expect(firstPaintShown()).toBe(false);
    await view.unmount();
  });

  it('removes it at once when it can only show an error, so the sentence is seen', async () => {
    showFirstPaintLayer();
    const view = await renderPage({ listSummaries: () => Promise.reject(new StorageError('unavailable', 'IndexedDB is not available')) }, null);
    expect(view.host.querySelector('[role="alert"]')?.textContent).toBeTruthy();
    expect(firstPaintShown()).toBe(false);
    await view.unmount();
  });
});
