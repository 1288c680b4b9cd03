/**
 * Issue 13 end to end: team sync between two browser profiles through the real sync server (a child process on
 * 127.0.0.1) on a real PostgreSQL. The centre is set up over HTTP (bootstrap on the database, then the admin's
 * device creates a group, a trainer and an agent and their invite codes). The trainer's profile joins with its code
 * and publishes a one-drill pack to the group; the agent's profile saves the server's address, joins with its code,
 * receives the pack (pull), records the drill with the fake microphone: the header chip reaches "Synced" and the take
 * is in PostgreSQL with the agent's stored values. The trainer's live roster shows them. Offline → online: a take
 * recorded offline waits (the server still has 1), then is delivered once when the network is back; the roster shows
 * 2 attempts. A device an admin revoked shows the reason in the chip and keeps its outbox.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { bootstrapOrganisation } from '../../server/admin-cli.ts';
import { openPgDb } from '../../server/db/pg-db.ts';
import { findBuiltInDrill, type Drill } from '../../src/drills/index.ts';
import type { PackJson } from '../../src/packs/index.ts';
import { SYNC_PATHS, type DeviceInfo, type GroupInfo, type InviteResponse, type JoinResponse, type PersonInfo } from '../../src/sync/protocol.ts';
import { freePort, postgresBinDir, testDatabaseUrl } from '../server/pg-cluster.ts';
import { startServerChild, type ServerChild } from '../server/server-child.ts';
import { must } from '../server/sync-centre.ts';
import { completeFirstRun, E2E_PROFILES, E2E_WAVS, openApp, switchCountInOff, unexpectedErrors, waitForScorecard, type AppPage } from './app-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';

const PACK_TITLE = 'Bluebird team week 1';
const PACK_ID = 'bluebird-team-week-1';
const DRILL_ID = 'bluebird-team-greeting';
const TEMPLATE = (findBuiltInDrill('en-greeting4') as Drill).template;

interface Verdict { guideline: string; value: number | null; unit: string; status: string }
interface StoredTake { id: string; createdAt: string; drill: { id: string; version: number }; report: { verdicts: Verdict[] } }
interface StoredOutboxItem { id: string; attempts: number; lastError: string | null }

/** Every record of one object store of the app's IndexedDB (read in the page). */
async function readStore<T>(page: Page, name: string): Promise<T[]> {
  return page.evaluate(async (storeName) => {
    type Req = { result: unknown; error: unknown; onsuccess: (() => void) | null; onerror: (() => void) | null };
    type Db = { transaction(names: string[], mode: string): { objectStore(n: string): { getAll(): Req } }; close(): void };
    const open = (globalThis as unknown as { indexedDB: { open(name: string): Req } }).indexedDB.open('voicedrill');
    const db = await new Promise<Db>((resolve, reject) => { open.onsuccess = () => resolve(open.result as Db); open.onerror = () => reject(open.error); });
    const all = db.transaction([storeName], 'readonly').objectStore(storeName).getAll();
    const rows = await new Promise<unknown>((resolve, reject) => { all.onsuccess = () => resolve(all.result); all.onerror = () => reject(all.error); });
    db.close();
    return rows as T[];
  }, name) as Promise<T[]>;
}

async function storedTakes(page: Page): Promise<StoredTake[]> {
  return (await readStore<StoredTake>(page, 'takes')).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The header chip's kind and words. */
async function chip(page: Page): Promise<{ kind: string | null; text: string }> {
  const c = page.getByTestId('sync-chip');
  if (await c.count() === 0) return { kind: null, text: '' };
  return { kind: await c.getAttribute('data-kind'), text: (await c.locator('a').innerText()).replace(/\s+/g, ' ').trim() };
}

const verdictsOf = (vs: readonly Verdict[]): Verdict[] => vs.map((v) => ({ guideline: v.guideline, value: v.value, unit: v.unit, status: v.status }));

/** PostgreSQL is needed; in CI (.ci/run installs it) its absence is a failure, not a skip. */
const havePostgres = postgresBinDir() !== null;
if (!havePostgres && process.env.CI) throw new Error('PostgreSQL is not installed: .ci/run installs it (apt-get install postgresql).');

describe.skipIf(!haveChromium || !havePostgres)('team sync: agent → server → trainer, offline catch-up, revoked device', () => {
  const agentDir = haveChromium ? mkdtempSync(join(tmpdir(), 'voicedrill-e2e-team-agent-')) : '';
  const trainerDir = haveChromium ? mkdtempSync(join(tmpdir(), 'voicedrill-e2e-team-trainer-')) : '';
  /** One browser per profile at most (a profile's folder is locked while its browser runs). */
  const sessions = new Map<'agent' | 'trainer', Session>();
  let trainerApp: AppPage | null = null;
  let database: { url: string; drop(): Promise<void> };
  let server: ServerChild;
  let sql: pg.Client;
  let adminToken = '';
  let group: GroupInfo;
  let trainer: PersonInfo;
  let agent: PersonInfo;
  let trainerCode = '';
  let agentCode = '';
  let agentTakes: StoredTake[] = [];

  /** The takes the server's database holds for the agent, oldest first. */
  async function serverTakes(): Promise<Array<{ take_id: string; pack_id: string | null; drill_id: string; summary: { verdicts: Verdict[] } }>> {
    const r = await sql.query('SELECT take_id, pack_id, drill_id, summary FROM takes WHERE person_id = $1 ORDER BY created_at, take_id', [agent.id]);
    return r.rows as Array<{ take_id: string; pack_id: string | null; drill_id: string; summary: { verdicts: Verdict[] } }>;
  }

  beforeAll(async () => {
    database = await testDatabaseUrl();
    server = await startServerChild({ databaseUrl: database.url, port: await freePort(), env: { LOG_LEVEL: 'warn' } });
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    // The organisation and its first admin: the operator's command on the server machine (server/admin-cli.ts).
    const db = openPgDb({ connectionString: database.url, max: 1 });
    const boot = await bootstrapOrganisation(db, { orgName: 'Bluebird Contact Centre', adminName: 'Centre admin' });
    await db.close();
    // Everything else over HTTP, as the admin's device would.
    const admin = await must<JoinResponse>(201, server.origin, 'POST', SYNC_PATHS.join, { body: { inviteCode: boot.invite.code, deviceName: 'Admin desk' } });
    adminToken = admin.token;
    group = await must<GroupInfo>(201, server.origin, 'POST', SYNC_PATHS.groups, { token: adminToken, body: { name: 'New hires, December' } });
    trainer = await must<PersonInfo>(201, server.origin, 'POST', SYNC_PATHS.people, { token: adminToken, body: { name: 'Coach Kim', role: 'trainer', groupIds: [group.id] } });
    agent = await must<PersonInfo>(201, server.origin, 'POST', SYNC_PATHS.people, { token: adminToken, body: { name: 'Alex', role: 'agent', groupIds: [group.id] } });
    trainerCode = (await must<InviteResponse>(201, server.origin, 'POST', SYNC_PATHS.invites, { token: adminToken, body: { personId: trainer.id } })).code;
    agentCode = (await must<InviteResponse>(201, server.origin, 'POST', SYNC_PATHS.invites, { token: adminToken, body: { personId: agent.id } })).code;
  });

  afterAll(async () => {
    for (const s of sessions.values()) await s.close().catch(() => undefined);
    await sql?.end().catch(() => undefined);
    await server?.stop();
    await database?.drop().catch(() => undefined);
    for (const d of [agentDir, trainerDir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  /** `beforeOpen` sees the browser before the app's page opens (to watch requests the app makes as it starts). */
  async function start(who: 'agent' | 'trainer', options: Parameters<typeof launch>[0] = {}, beforeOpen?: (session: Session) => void): Promise<AppPage> {
    await close(who); // a failed step may have left it open
    const session = await launch({ ...options, userDataDir: who === 'agent' ? agentDir : trainerDir });
    sessions.set(who, session);
    beforeOpen?.(session);
    return openApp(session);
  }

  async function close(who: 'agent' | 'trainer'): Promise<void> {
    const session = sessions.get(who);
    sessions.delete(who);
    if (who === 'trainer') trainerApp = null;
    await session?.close().catch(() => undefined);
  }

  /** The roster row of the agent's drill, its attempts ("1/2") and latest values checked against a stored take. */
  async function expectRosterRow(page: Page, attempts: string, take: StoredTake): Promise<void> {
    const row = page.getByTestId(`roster-row-${agent.id}-${DRILL_ID}`);
    await expect.poll(async () => (await row.count()) === 0 ? '' : (await row.locator('[data-field="attempts"]').innerText()).trim(), { timeout: 20_000 }).toBe(attempts);
    expect(await row.innerText()).toContain('Alex');
    let compared = 0;
    for (const v of take.report.verdicts) {
      const cell = row.locator(`[data-guideline="${v.guideline}"] [data-kind="latest"] .roster-verdict`);
      if (await cell.count() === 0) continue;
      compared++;
      expect([v.guideline, await cell.getAttribute('data-value'), await cell.getAttribute('data-status')])
        .toEqual([v.guideline, v.value === null ? '' : String(v.value), v.status]);
    }
    expect(compared).toBeGreaterThanOrEqual(3);
  }

  /** Settings → team server address → save (the page reloads) → invite code → join; waits for the joined view. */
  async function joinFromSettings(page: Page, code: string): Promise<void> {
    await page.locator('[data-nav="settings"]').click();
    const section = page.getByTestId('team-server');
    await expect.poll(() => section.getAttribute('data-state')).toBe('none');
    await page.getByTestId('team-origin').fill(server.origin);
    await Promise.all([page.waitForEvent('load'), page.getByTestId('team-origin-save').click()]);
    await page.locator('h1').waitFor();
    await page.locator('[data-nav="settings"]').click();
    await expect.poll(() => section.getAttribute('data-state')).toBe('saved');
    expect(await page.getByTestId('team-origin-current').innerText()).toContain(server.origin);
    expect((await chip(page)).kind).toBe('not-joined');
    await page.getByTestId('team-invite').fill(code);
    await page.getByTestId('team-join').click();
    await expect.poll(() => section.getAttribute('data-state'), { timeout: 15_000 }).toBe('joined');
  }

  /** Practice → the assigned drill → record (fake microphone) → scorecard. */
  async function recordAssignedTake(page: Page, attemptsBefore: number): Promise<void> {
    await page.locator('[data-nav="practice"]').click();
    await page.locator('#practice-title').waitFor();
    const item = page.getByTestId(`assigned-drill-${DRILL_ID}`);
    await item.waitFor({ timeout: 30_000 });
    expect(await item.textContent()).toContain(`attempts ${attemptsBefore}/2`);
    await item.locator('a').click();
    await page.locator(`.script[data-drill-id="${DRILL_ID}"]`).waitFor();
    await page.locator('[data-action="start"]').click();
    await page.locator('.record-card[data-phase="recording"]').waitFor({ timeout: 10_000 });
    await waitForScorecard(page, 90_000);
    await expect.poll(async () => (await item.textContent()) ?? '', { timeout: 10_000 }).toContain(`attempts ${attemptsBefore + 1}/2`);
  }

  it('the trainer’s profile joins with its invite code and publishes a one-drill pack to the group from the pack editor', { timeout: 120_000 }, async () => {
    const app = await start('trainer');
    const { page } = app;
    await page.getByTestId('ui-lang').selectOption('en');
    await completeFirstRun(page, { name: 'Coach Kim', company: 'Bluebird Telecom', scriptLang: 'en' });
    await page.locator('[data-nav="settings"]').click();
    await page.getByTestId('trainer-mode').check();
    await joinFromSettings(page, trainerCode);
    await expect.poll(async () => (await chip(page)).kind, { timeout: 15_000 }).toBe('synced');
    // The pack editor: a pack with one drill (the built-in English greeting's words, two attempts), published to the group.
    await page.locator('[data-nav="trainer"]').click();
    await page.locator('#trainer-title').waitFor();
    await page.getByTestId('new-pack').click();
    await page.getByTestId('pack-title').fill(PACK_TITLE);
    await page.getByTestId('save-pack').click();
    await expect.poll(() => page.getByTestId('pack-id').inputValue()).toBe(PACK_ID);
    await page.getByTestId('add-drill').click();
    await page.getByTestId('drill-title-en').fill('Bluebird team greeting');
    await page.getByTestId('drill-title-zh').fill('蓝鸟问候');
    await page.getByTestId('drill-lang').selectOption('en');
    await page.getByTestId('drill-kind').selectOption('greeting4');
    await page.getByTestId('drill-template').fill(TEMPLATE);
    await page.getByTestId('drill-attempts').fill('2');
    await page.getByTestId('save-drill').click();
    await page.getByText('Drill saved.').waitFor();
    expect(await page.getByTestId('drill-id').inputValue()).toBe(DRILL_ID);
    const publish = page.getByTestId('team-publish');
    await publish.getByTestId(`team-publish-group-${group.id}`).check();
    await publish.getByTestId('team-publish-submit').click();
    await expect.poll(async () => (await publish.getByTestId('team-publish-message').count()) > 0 ? publish.getByTestId('team-publish-message').innerText() : '', { timeout: 15_000 })
      .toContain('New hires, December');
    const stored = await sql.query<{ version: number; pack: PackJson }>('SELECT p.version, p.pack FROM packs p JOIN pack_assignments a USING (org_id, pack_id, version) WHERE a.group_id = $1', [group.id]);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0].pack).toMatchObject({ id: PACK_ID, title: PACK_TITLE, author: 'Coach Kim' });
    expect(stored.rows[0].pack.drills.map((d) => [d.drill.id, d.drill.template, d.attemptsRequired])).toEqual([[DRILL_ID, TEMPLATE, 2]]);
    expect(unexpectedErrors(app)).toEqual([]);
    await close('trainer');
  });

  it('the agent joins, gets the pack by pull, records the drill: the chip reaches Synced and PostgreSQL holds the take as stored', { timeout: 240_000 }, async () => {
    const app = await start('agent', { micWav: E2E_WAVS.enGreeting4 });
    const { page } = app;
    await page.getByTestId('ui-lang').selectOption('en');
    await completeFirstRun(page, { ...E2E_PROFILES.en, scriptLang: 'en' });
    await switchCountInOff(page);
    expect(await page.getByTestId('sync-chip').count()).toBe(0);
    await joinFromSettings(page, agentCode);
    expect(await page.getByTestId('team-org').innerText()).toBe('Bluebird Contact Centre');
    expect(await page.getByTestId('team-person').innerText()).toBe('Alex (agent)');
    await expect.poll(async () => (await chip(page)).text, { timeout: 15_000 }).toBe('Team sync: Synced');
    await recordAssignedTake(page, 0);
    const scored = Date.now();
    await expect.poll(async () => (await chip(page)).kind, { timeout: 20_000 }).toBe('synced');
    await expect.poll(async () => (await serverTakes()).length, { timeout: 5000 }).toBe(1);
    console.log(`scorecard → take in PostgreSQL and chip "Synced" in ${Date.now() - scored} ms`);
    agentTakes = await storedTakes(page);
    expect(agentTakes.map((t) => t.drill.id)).toEqual([DRILL_ID]);
    expect(await readStore<StoredOutboxItem>(page, 'syncOutbox')).toEqual([]);
    const rows = await serverTakes();
    expect(rows.map((r) => [r.take_id, r.pack_id, r.drill_id])).toEqual([[agentTakes[0].id, PACK_ID, DRILL_ID]]);
    expect(verdictsOf(rows[0].summary.verdicts)).toEqual(verdictsOf(agentTakes[0].report.verdicts));
    console.log(`take 1 on the server: ${JSON.stringify(verdictsOf(rows[0].summary.verdicts))}`);
    expect(unexpectedErrors(app)).toEqual([]);
    await close('agent');
  });

  it('the trainer’s roster (live from the server) shows the agent’s take with the agent’s stored values', { timeout: 120_000 }, async () => {
    const app = await start('trainer');
    trainerApp = app;
    const { page } = app;
    await page.locator('[data-nav="roster"]').click();
    await page.locator('#roster-title').waitFor();
    await page.getByTestId('roster-live').waitFor();
    expect(await page.getByTestId('roster-source-live').isChecked()).toBe(true);
    await expectRosterRow(page, '1/2', agentTakes[0]);
    const row = page.getByTestId(`roster-row-${agent.id}-${DRILL_ID}`);
    await row.locator('button[data-action="open-takes"]').click();
    const takes = page.getByTestId('roster-takes');
    await takes.locator('li[data-take-id]').first().waitFor();
    expect(await takes.locator('li[data-take-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-take-id')))).toEqual([agentTakes[0].id]);
    const shown = await takes.locator(`li[data-take-id="${agentTakes[0].id}"] tr[data-guideline]`).evaluateAll((trs) => trs.map((tr) => {
      const v = tr.querySelector('.roster-verdict');
      return { guideline: tr.getAttribute('data-guideline'), value: v?.getAttribute('data-value') ?? null, status: v?.getAttribute('data-status') ?? null };
    }));
    expect(shown).toEqual(agentTakes[0].report.verdicts.map((v) => ({ guideline: v.guideline, value: v.value === null ? '' : String(v.value), status: v.status })));
    expect(unexpectedErrors(app)).toEqual([]);
    // The trainer's page stays open on the roster: the offline take reaches it through "Refresh" below.
  });

  it('offline → online: a take recorded offline waits in the outbox, then reaches the server exactly once', { timeout: 240_000 }, async () => {
    // The engine's start-up sync pushes, then pulls the assignments. The chip says "Synced" from the empty outbox
    // before that pull; going offline while it is under way fails it before the page hears the network has gone (a CI
    // run saw that failed request logged). The network goes away once it is over.
    let startupPull: Promise<void> = Promise.resolve();
    const app = await start('agent', { micWav: E2E_WAVS.enGreeting4Fast }, (session) => {
      startupPull = new Promise<void>((resolve) => {
        const over = (r: { url(): string }): void => { if (new URL(r.url()).pathname === SYNC_PATHS.assignments) resolve(); };
        session.context.on('requestfinished', over);
        session.context.on('requestfailed', over);
      });
    });
    const { page } = app;
    const t0 = Date.now();
    const trace: string[] = [];
    page.on('request', (r) => { if (r.url().startsWith(server.origin)) trace.push(`${Date.now() - t0} ms → ${r.method()} ${r.url().slice(server.origin.length)}`); });
    page.on('requestfinished', (r) => { if (r.url().startsWith(server.origin)) trace.push(`${Date.now() - t0} ms ✓ ${r.url().slice(server.origin.length)}`); });
    page.on('requestfailed', (r) => { if (r.url().startsWith(server.origin)) trace.push(`${Date.now() - t0} ms ✗ ${r.url().slice(server.origin.length)} ${r.failure()?.errorText ?? ''}`); });
    page.on('console', (m) => trace.push(`${Date.now() - t0} ms console ${m.text()}`));
    // On a failure, what the agent's page asked of the server and when (a race with the network going away shows here).
    onTestFinished(({ task }) => { if (task.result?.state === 'fail') console.log(`agent's requests to the sync server:\n${trace.join('\n')}`); });
    await expect.poll(async () => (await chip(page)).kind, { timeout: 15_000 }).toBe('synced');
    await startupPull;
    trace.push(`${Date.now() - t0} ms chip synced, start-up pull over; going offline`);
    await page.context().setOffline(true);
    await expect.poll(async () => (await chip(page)).text, { timeout: 10_000 }).toBe('Team sync: Offline');
    trace.push(`${Date.now() - t0} ms chip offline`);
    await recordAssignedTake(page, 1);
    trace.push(`${Date.now() - t0} ms scorecard; chip ${JSON.stringify(await chip(page))}`);
    const offlineTakes = await storedTakes(page);
    expect(offlineTakes).toHaveLength(2);
    // The take and the drill's completion (2 of 2) wait; the chip still says offline; the server has the first take only.
    await expect.poll(async () => (await readStore<StoredOutboxItem>(page, 'syncOutbox')).map((i) => i.id).sort())
      .toEqual([`completion:${PACK_ID}:${DRILL_ID}`, `take:${offlineTakes[1].id}`]);
    expect(await chip(page)).toEqual({ kind: 'offline', text: 'Team sync: Offline' });
    // Settings' team section counts what waits.
    await page.locator('[data-nav="settings"]').click();
    await expect.poll(() => page.getByTestId('team-last-sync').innerText()).toContain('2 items wait to be sent.');
    await new Promise((r) => setTimeout(r, 2000));
    expect((await serverTakes()).map((r) => r.take_id)).toEqual([offlineTakes[0].id]);

    const backOnline = Date.now();
    await page.context().setOffline(false);
    await expect.poll(async () => (await chip(page)).text, { timeout: 30_000 }).toBe('Team sync: Synced');
    console.log(`back online → chip "Synced" in ${Date.now() - backOnline} ms`);
    expect(await page.getByTestId('team-last-sync').innerText()).not.toContain('wait');
    expect(await readStore<StoredOutboxItem>(page, 'syncOutbox')).toEqual([]);
    agentTakes = offlineTakes;
    const rows = await serverTakes();
    expect(rows.map((r) => r.take_id)).toEqual(agentTakes.map((t) => t.id));
    const counts = await sql.query('SELECT count(*)::int AS rows, count(DISTINCT take_id)::int AS distinct_ids FROM takes WHERE person_id = $1', [agent.id]);
    expect(counts.rows).toEqual([{ rows: 2, distinct_ids: 2 }]);
    expect(rows.map((r) => verdictsOf(r.summary.verdicts))).toEqual(agentTakes.map((t) => verdictsOf(t.report.verdicts)));
    const completions = await sql.query('SELECT pack_id, drill_id FROM completions WHERE person_id = $1', [agent.id]);
    expect(completions.rows).toEqual([{ pack_id: PACK_ID, drill_id: DRILL_ID }]);
    // Offline, the engine sends nothing (navigator.onLine): not even a failed request is logged.
    expect(unexpectedErrors(app)).toEqual([]);
    await close('agent');
  });

  it('the trainer’s open roster, after Refresh, shows 2 attempts with the second take’s values', { timeout: 120_000 }, async () => {
    const app = trainerApp ?? await start('trainer');
    const { page } = app;
    if (trainerApp === null) await page.locator('[data-nav="roster"]').click();
    else {
      // The roster read before the offline take is still on screen: no polling, the server is read on Refresh.
      expect((await page.getByTestId(`roster-row-${agent.id}-${DRILL_ID}`).locator('[data-field="attempts"]').innerText()).trim()).toBe('1/2');
    }
    await page.getByTestId('roster-refresh').click();
    await expectRosterRow(page, '2/2', agentTakes[1]);
    expect(unexpectedErrors(app)).toEqual([]);
    await close('trainer');
  });

  it('a device an admin revoked: the chip gives the reason and the outbox keeps the new take', { timeout: 240_000 }, async () => {
    const devices = await must<DeviceInfo[]>(200, server.origin, 'GET', SYNC_PATHS.devices, { token: adminToken });
    const agentDevices = devices.filter((d) => d.personId === agent.id && d.revokedAt === null);
    expect(agentDevices).toHaveLength(1);
    const revoked = await must<DeviceInfo>(200, server.origin, 'POST', `${SYNC_PATHS.devices}/${agentDevices[0].id}/revoke`, { token: adminToken });
    expect(revoked.revokedAt).not.toBeNull();

    const app = await start('agent', { micWav: E2E_WAVS.enGreeting4Low });
    const { page } = app;
    await expect.poll(async () => (await chip(page)).text, { timeout: 20_000 }).toBe('Team sync: Sync error: device removed');
    await page.locator('[data-nav="practice"]').click();
    await page.locator('#practice-title').waitFor();
    const item = page.getByTestId(`assigned-drill-${DRILL_ID}`);
    await item.waitFor({ timeout: 30_000 });
    await item.locator('a').click();
    await page.locator(`.script[data-drill-id="${DRILL_ID}"]`).waitFor();
    await page.locator('[data-action="start"]').click();
    await waitForScorecard(page, 90_000);
    const takes = await storedTakes(page);
    expect(takes).toHaveLength(3);
    await expect.poll(async () => (await readStore<StoredOutboxItem>(page, 'syncOutbox')).map((i) => i.id)).toContain(`take:${takes[2].id}`);
    await new Promise((r) => setTimeout(r, 3000));
    expect((await readStore<StoredOutboxItem>(page, 'syncOutbox')).map((i) => i.id)).toContain(`take:${takes[2].id}`);
    expect(await chip(page)).toEqual({ kind: 'error', text: 'Team sync: Sync error: device removed' });
    expect((await serverTakes()).map((r) => r.take_id)).toEqual(agentTakes.map((t) => t.id));
    // A reload (a new engine) still has the item and learns again that the device was removed.
    await page.reload();
    await expect.poll(async () => (await chip(page)).text, { timeout: 20_000 }).toBe('Team sync: Sync error: device removed');
    expect((await readStore<StoredOutboxItem>(page, 'syncOutbox')).map((i) => i.id)).toContain(`take:${takes[2].id}`);
    // The only errors logged are the server's 401 answers to the revoked token.
    const errors = unexpectedErrors(app);
    console.log(`errors logged with the revoked device: ${JSON.stringify(errors)}`);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((e) => !e.includes(server.origin) || !/401/.test(e))).toEqual([]);
    await close('agent');
  });
});
