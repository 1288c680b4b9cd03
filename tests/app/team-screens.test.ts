// @vitest-environment jsdom
/**
 * Team sync's screens rendered with React in jsdom against a fake service (src/team mocked): the roster of a joined
 * trainer reads live (group, refresh, a failure as a sentence, the same cells as files), the pack editor's publish
 * sends the exported pack to the ticked groups and marks it, a take's audio button queues the audio, and nothing of
 * this shows for an agent or without a server.
 */
import { join } from 'node:path';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { t as translate, type MessageKey, type MessageParams } from '../../src/i18n/index.ts';
import type { PackJson, ResultTake, RosterInput } from '../../src/packs/index.ts';
import { AppContext } from '../../src/services/app-context.ts';
import type { SyncConfigRecord } from '../../src/team/index.ts';
import { REPO_ROOT } from '../helpers/cli.ts';

const fake = vi.hoisted(() => ({
  config: undefined as unknown,
  getSyncConfig: vi.fn(async () => fake.config),
  subscribeSyncStatus: vi.fn((listener: (s: unknown) => void) => { listener({ state: 'synced', pending: 0, error: null, lastSyncAt: null }); return () => undefined; }),
  fetchGroups: vi.fn(async () => [{ id: 'g1', name: 'New hires' }, { id: 'g2', name: 'Night shift' }]),
  fetchRoster: vi.fn(async (_groupId?: string): Promise<unknown[]> => []),
  publishPack: vi.fn(async (pack: { id: string; version: number }, groupIds: string[]) => ({ packId: pack.id, version: pack.version, groupIds })),
  shareTakeAudio: vi.fn(async (_takeId: string) => undefined),
}));
vi.mock('../../src/team/index.ts', async (original) => ({
  ...(await original<Record<string, unknown>>()),
  getSyncConfig: fake.getSyncConfig, subscribeSyncStatus: fake.subscribeSyncStatus, fetchGroups: fake.fetchGroups, fetchRoster: fake.fetchRoster,
  publishPack: fake.publishPack, shareTakeAudio: fake.shareTakeAudio,
}));
const { TeamError } = await import('../../src/team/index.ts');

interface El {
  textContent: string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  append(child: El): void;
  remove(): void;
  click(): void;
  getAttribute(name: string): string | null;
  checked: boolean;
  value: string;
  dispatchEvent(e: unknown): boolean;
}
const doc = (): { createElement(tag: string): El; body: El } => (globalThis as unknown as { document: { createElement(tag: string): El; body: El } }).document;

type Component = (props: never) => unknown;
let RosterScreen: Component;
let PublishPanel: Component;
let ShareTakeAudio: Component;
let SyncChip: Component;

beforeAll(async () => {
  (globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  ({ RosterScreen } = (await import(join(REPO_ROOT, 'src/features/roster/RosterScreen.tsx'))) as { RosterScreen: Component });
  ({ PublishPanel, ShareTakeAudio, SyncChip } = (await import(join(REPO_ROOT, 'src/features/team/components.ts'))) as
    { PublishPanel: Component; ShareTakeAudio: Component; SyncChip: Component });
});

const joined = (role: 'agent' | 'trainer' | 'admin', shareAudio: SyncConfigRecord['shareAudio'] = 'never'): SyncConfigRecord => ({
  schemaVersion: 1, key: 'server', origin: 'https://team.example', token: 'vdt.org.dev.secret',
  device: { id: 'dev', personId: 'p', name: 'Desk 4', createdAt: '2026-12-01T09:00:00.000Z', lastSeenAt: null, revokedAt: null },
  person: { id: 'p', name: 'Mei', role, groupIds: ['g1'] }, org: { id: 'org', name: 'Bluebird' }, shareAudio, lastSyncAt: null, savedAt: 1,
});

beforeEach(() => {
  vi.clearAllMocks();
  fake.config = undefined;
});

const services = {
  uiLang: 'en', t: (key: MessageKey, params?: MessageParams) => translate('en', key, params), store: null, prefs: { trainerMode: true, countInSec: 3 },
  navigate: () => undefined, reportStorageError: () => undefined,
};

async function mount(element: unknown): Promise<{ host: El; unmount(): Promise<void> }> {
  const host = doc().createElement('div');
  doc().body.append(host);
  const root = createRoot(host as unknown as Element);
  await act(async () => { root.render(createElement(AppContext.Provider, { value: services as never }, element as never)); });
  await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
  return { host, unmount: async () => { await act(async () => root.unmount()); host.remove(); } };
}

async function settle(): Promise<void> {
  await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
}

async function click(el: El | null): Promise<void> {
  if (el === null) throw new Error('no such element');
  await act(async () => { el.click(); });
  await settle();
}

const take = (takeId: string, minute: number, rate: number): ResultTake => ({
  takeId, drillId: 'greet', drillVersion: 1, createdAt: `2026-11-20T09:0${minute}:00.000Z`, analysisVersion: '1.0.0', lang: 'en', durationSec: 6,
  speechFound: true, hasAudio: false, model: null, verdicts: [{ guideline: 'rate', value: rate, unit: 'wpm', status: 'good' }],
});
const ROSTER: RosterInput[] = [{
  agentId: 'alex', agentName: 'Alex Chen', takes: [take('t1', 1, 140), take('t2', 2, 150)],
  pack: { id: 'onboarding', version: 1, title: 'Onboarding', author: 'Mei', drills: [{ id: 'greet', version: 1, title: { en: 'Greeting', 'zh-CN': '问候' }, attemptsRequired: 2, dueDate: null }] },
}];

describe('the live roster', () => {
  it('reads from the team server by default for a joined trainer: groups, the same table, refresh, the drill-down without audio', async () => {
    fake.config = joined('trainer');
    fake.fetchRoster.mockResolvedValue(ROSTER);
    const { host, unmount } = await mount(createElement(RosterScreen as never));
    expect((host.querySelector('[data-testid="roster-source-live"]') as El).checked).toBe(true);
    expect(host.querySelector('[data-testid="import-results"]')).toBeNull();
    expect(fake.fetchRoster).toHaveBeenCalledWith(undefined);
    expect(Array.from(host.querySelectorAll('[data-testid="roster-group"] option')).map((o) => o.textContent)).toEqual(['All my groups', 'New hires', 'Night shift']);
    const row = host.querySelector('[data-testid="roster-row-alex-greet"]');
    expect(row?.textContent).toContain('Alex Chen');
    expect(row?.textContent).toContain('2/2');
    await click(host.querySelector('[data-testid="roster-refresh"]'));
    expect(fake.fetchRoster).toHaveBeenCalledTimes(2);
    await click(row?.querySelector('button') ?? null);
    const takes = host.querySelector('[data-testid="roster-takes"]');
    expect(Array.from(takes?.querySelectorAll('[data-take-id]') ?? []).map((li) => li.getAttribute('data-take-id'))).toEqual(['t1', 't2']);
    expect(takes?.textContent).toContain(translate('en', 'team.roster.noAudio'));
    await unmount();
  });

  it('says why when the server fails, and files stay one click away', async () => {
    fake.config = joined('admin');
    fake.fetchRoster.mockRejectedValue(new TeamError('forbidden', 'no'));
    const { host, unmount } = await mount(createElement(RosterScreen as never));
    expect(host.querySelector('[data-testid="roster-live-error"]')?.textContent).toBe(translate('en', 'team.error.forbidden'));
    await click(host.querySelector('[data-testid="roster-source-files"]'));
    expect(host.querySelector('[data-testid="import-results"]')).not.toBeNull();
    expect(host.querySelector('[data-testid="roster-live"]')).toBeNull();
    await unmount();
  });

  it('is the files roster as before for an agent or without a server', async () => {
    for (const config of [undefined, joined('agent')]) {
      fake.config = config;
      const { host, unmount } = await mount(createElement(RosterScreen as never));
      expect(host.querySelector('[data-testid="roster-source"]')).toBeNull();
      expect(host.querySelector('[data-testid="import-results"]')).not.toBeNull();
      await unmount();
    }
    expect(fake.fetchRoster).not.toHaveBeenCalled();
  });
});

describe('publishing a pack', () => {
  const PACK = { id: 'onboarding', version: 3 } as unknown as PackJson;

  it('asks for a group, then publishes the exported pack to the ticked ones and marks it', async () => {
    fake.config = joined('trainer');
    const build = vi.fn(async () => PACK);
    const onPublished = vi.fn(async (_p: PackJson) => undefined);
    const { host, unmount } = await mount(createElement(PublishPanel as never, { packId: 'onboarding', version: 3, build, onPublished } as never));
    const submit = host.querySelector('[data-testid="team-publish-submit"]');
    expect(submit?.textContent).toBe('Publish version 3');
    await click(submit);
    expect(host.querySelector('[data-testid="team-publish-message"]')?.textContent).toBe(translate('en', 'team.publish.pickGroup'));
    expect(fake.publishPack).not.toHaveBeenCalled();
    await click(host.querySelector('[data-testid="team-publish-group-g2"]'));
    await click(submit);
    expect(fake.publishPack).toHaveBeenCalledWith(PACK, ['g2']);
    expect(onPublished).toHaveBeenCalledWith(PACK);
    expect(host.querySelector('[data-testid="team-publish-message"]')?.textContent).toBe('Version 3 published to Night shift.');
    await unmount();
  });

  it('says when the server holds a newer version, and does not mark the pack', async () => {
    fake.config = joined('admin');
    fake.publishPack.mockRejectedValueOnce(new TeamError('refused', 'older', { status: 409 }));
    const onPublished = vi.fn(async (_p: PackJson) => undefined);
    const { host, unmount } = await mount(createElement(PublishPanel as never, { packId: 'onboarding', version: 3, build: async () => PACK, onPublished } as never));
    await click(host.querySelector('[data-testid="team-publish-group-g1"]'));
    await click(host.querySelector('[data-testid="team-publish-submit"]'));
    expect(host.querySelector('[data-testid="team-publish-message"]')?.textContent).toBe(translate('en', 'team.publish.older'));
    expect(onPublished).not.toHaveBeenCalled();
    await unmount();
  });

  it('is not there for an agent', async () => {
    fake.config = joined('agent');
    const { host, unmount } = await mount(createElement(PublishPanel as never, { packId: 'x', version: 1, build: async () => PACK, onPublished: async () => undefined } as never));
    expect(host.querySelector('[data-testid="team-publish"]')).toBeNull();
    expect(fake.fetchGroups).not.toHaveBeenCalled();
    await unmount();
  });
});

describe('a take’s audio and the chip', () => {
  it('offers the audio only when the choice is "ask", then says it is queued', async () => {
    fake.config = joined('agent', 'always');
    let m = await mount(createElement(ShareTakeAudio as never, { takeId: 'take-1', uiLang: 'en' } as never));
    expect(m.host.querySelector('[data-testid="team-share-take"]')).toBeNull();
    await m.unmount();
    fake.config = joined('agent', 'ask');
    m = await mount(createElement(ShareTakeAudio as never, { takeId: 'take-1', uiLang: 'zh-CN' } as never));
    const button = m.host.querySelector('[data-testid="team-share-take-button"]');
    expect(button?.textContent).toBe(translate('zh-CN', 'team.take.share'));
    await click(button);
    expect(fake.shareTakeAudio).toHaveBeenCalledWith('take-1');
    expect(m.host.querySelector('[data-testid="team-share-take"]')?.textContent).toBe(translate('zh-CN', 'team.take.queued'));
    await m.unmount();
  });

  it('shows no chip and no live region without a server, "Synced" when joined', async () => {
    let m = await mount(createElement(SyncChip as never));
    expect(m.host.querySelector('[data-testid="sync-chip"]')).toBeNull();
    await m.unmount();
    fake.config = joined('agent');
    m = await mount(createElement(SyncChip as never));
    expect(m.host.querySelector('[data-testid="sync-chip"] a')?.textContent).toBe('Team sync: Synced');
    expect(m.host.querySelector('[data-testid="sync-chip"]')?.getAttribute('aria-live')).toBe('polite');
    await m.unmount();
  });
});

