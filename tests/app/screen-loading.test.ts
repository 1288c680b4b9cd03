// @vitest-environment jsdom
/**
 * Screens loaded on demand (src/app/Screen.tsx), without React.lazy and Suspense: a screen whose chunk has
 * loaded renders in the very first commit (no "Loading…" frame, so nothing for React 19's 300 ms reveal
 * throttle to hold back), one still loading shows "Loading…" and then itself, and one whose chunk fails to
 * load says so in one sentence instead of a blank page.
 */
import { join } from 'node:path';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { t as translate, type MessageKey, type MessageParams } from '../../src/i18n/index.ts';
import { AppContext } from '../../src/services/app-context.ts';
import { REPO_ROOT } from '../helpers/cli.ts';

vi.mock('../../src/features/practice/PracticeScreen.tsx', () => ({ PracticeScreen: () => null }));
vi.mock('../../src/features/settings/SettingsScreen.tsx', () => ({ SettingsScreen: () => createElement('h2', { id: 'settings' }, 'Settings screen') }));
vi.mock('../../src/features/history/TakeScreen.tsx', () => ({ TakeScreen: ({ takeId }: { takeId: string }) => createElement('h2', { id: 'take' }, `Take ${takeId}`) }));
vi.mock('../../src/features/history/HistoryScreen.tsx', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

// By path: the type-checked test config has no JSX (tests/app/team-screens.test.ts does the same).
type Route = { screen: 'settings' } | { screen: 'history' } | { screen: 'take'; takeId: string };
const { preloadScreen, Screen } = (await import(join(REPO_ROOT, 'src/app/Screen.tsx'))) as {
  preloadScreen: (route: Route) => void;
  Screen: (props: { route: Route; recovered: null; onRecoveredTaken: () => void }) => React.JSX.Element;
};

const services = { uiLang: 'en', t: (key: MessageKey, params?: MessageParams) => translate('en', key, params) };

/** Render the route's screen; returns the text of every commit's #root and a way to let promises settle. */
async function mountScreen(route: Route): Promise<{ commits: string[]; settle(): Promise<void>; unmount(): Promise<void> }> {
  const host = document.createElement('div');
  document.body.append(host);
  const commits: string[] = [];
  const observer = new MutationObserver(() => commits.push(host.textContent ?? ''));
  observer.observe(host, { childList: true, subtree: true, characterData: true });
  const root = createRoot(host);
  await act(async () => {
    root.render(createElement(AppContext.Provider, { value: services as never }, createElement(Screen, { route, recovered: null, onRecoveredTaken: () => undefined })));
  });
  return {
    commits,
    settle: async () => { await act(async () => { await new Promise((r) => setTimeout(r, 0)); }); },
    unmount: async () => {
      observer.disconnect();
      await act(async () => root.unmount());
      host.remove();
    },
  };
}

describe('screens loaded on demand', () => {
  it('a screen not loaded yet shows "Loading…", then itself', async () => {
    const view = await mountScreen({ screen: 'settings' });
    await view.settle();
    expect(view.commits[0]).toBe('Loading…');
    expect(view.commits.at(-1)).toBe('Settings screen');
    await view.unmount();
  });

  it('a screen whose chunk has loaded renders in the first commit, with no "Loading…" in between', async () => {
    preloadScreen({ screen: 'take', takeId: 't1' });
    await new Promise((r) => setTimeout(r, 0));
    const view = await mountScreen({ screen: 'take', takeId: 't1' });
    expect(view.commits).toEqual(['Take t1']);
    await view.unmount();
  });

  it('a screen whose chunk fails to load says so in one sentence', async () => {
    const view = await mountScreen({ screen: 'history' });
    await view.settle();
    const alert = document.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe(translate('en', 'app.screenLoadFailed'));
    expect(alert?.textContent).toMatch(/^[^.;]+; [^.]+\.$/);
    await view.unmount();
  });
});
