/**
 * Team administration in the browser against a real server (issue 13): PostgreSQL (tests/server/pg-cluster.ts) and
 * `bin/voicedrill-server.mjs` as a child process; the organisation and its admin made with the `bootstrap` command.
 * The admin's browser saves the server's address (the page reloads), joins with the admin's code and opens the admin
 * screen from Settings; there it creates a group, a trainer and an agent, and an invite code for the agent. A second
 * browser profile joins with that code as the agent. The admin revokes the agent's device in two steps: the admin's
 * list says revoked, the agent's next sync fails with the revoked reason in its chip, and its token gets 401
 * device-revoked over HTTP; the used code cannot join again. That browser then leaves and joins as the trainer, who sees
 * the people of the group read-only and makes an invite code for its agent only. axe: no serious or critical violation
 * on the admin screen in English and Chinese at 1280 and 360 px, nothing sideways at 360 px.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAM_ADMIN_EN } from '../../src/i18n/team-admin-en.ts';
import { TEAM_EN } from '../../src/i18n/team-en.ts';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../../src/sync/protocol.ts';
import { freePort, testDatabaseUrl } from '../server/pg-cluster.ts';
import { completeFirstRun, E2E_PROFILES, openApp } from './app-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';
import { axeViolations, sidewaysOverflow } from './ui-audit.ts';

const BIN = join(import.meta.dirname, '../../bin/voicedrill-server.mjs');
const INVITE_RE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

const seriousOrWorse = async (page: Page): Promise<string[]> => (await axeViolations(page)).filter((v) => /\((serious|critical)\)/.test(v));

/** The server's child process on a fresh database. */
async function startServer(databaseUrl: string): Promise<{ child: ChildProcess; origin: string; output: () => string }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' };
  delete env.VOICEDRILL_SERVER_DATA;
  delete env.PORT;
  const child = spawn(process.execPath, [BIN, '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${output}`);
    if (Date.now() - started > 30_000) throw new Error(`the server was not ready in 30 s: ${output}`);
    try {
      if ((await fetch(`${origin}/readyz`)).status === 200) break;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, origin, output: () => output };
}

/** `voicedrill-server bootstrap` on the same database: the admin's invite code. */
function bootstrap(databaseUrl: string): string {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
  delete env.VOICEDRILL_SERVER_DATA;
  const run = spawnSync(process.execPath, [BIN, 'bootstrap', '--org', 'Bluebird Telecom', '--admin', 'Ada Admin'], { encoding: 'utf8', env, timeout: 60_000 });
  if (run.status !== 0) throw new Error(`bootstrap failed (${run.status}): ${run.stdout}${run.stderr}`);
  const code = /shown only now\): (\S+)/.exec(run.stdout)?.[1];
  if (!code) throw new Error(`no invite code in: ${run.stdout}`);
  return code;
}

/** This page's stored device token (IndexedDB "voicedrill", table syncConfig). */
async function storedToken(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    type Req = { onsuccess: (() => void) | null; onerror: (() => void) | null; result: unknown; error: unknown };
    const idb = (globalThis as unknown as { indexedDB: { open(name: string): Req } }).indexedDB;
    const open = idb.open('voicedrill');
    const db = await new Promise<{ transaction(s: string): { objectStore(s: string): { get(k: string): Req } }; close(): void }>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result as never);
      open.onerror = () => reject(new Error('open failed'));
    });
    const get = db.transaction('syncConfig').objectStore('syncConfig').get('server');
    const record = await new Promise<{ token: string | null } | undefined>((resolve, reject) => {
      get.onsuccess = () => resolve(get.result as never);
      get.onerror = () => reject(new Error('read failed'));
    });
    db.close();
    return record?.token ?? null;
  });
}

/** Settings → Team server: save the address (the page reloads), then join with the code. */
async function joinFromSettings(page: Page, origin: string, code: string, deviceName: string): Promise<void> {
  await page.locator('[data-nav="settings"]').click();
  const section = page.getByTestId('team-server');
  await expect.poll(() => section.getAttribute('data-state')).toBe('none');
  await page.getByTestId('team-origin').fill(origin);
  await Promise.all([page.waitForEvent('load'), page.getByTestId('team-origin-save').click()]);
  await expect.poll(() => page.getByTestId('team-server').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
  await page.getByTestId('team-invite').fill(code);
  await page.getByTestId('team-device').fill(deviceName);
  await page.getByTestId('team-join').click();
  await expect.poll(() => page.getByTestId('team-server').getAttribute('data-state'), { timeout: 20_000 }).toBe('joined');
}

describe.skipIf(!haveChromium)('Team administration against a real server', () => {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let drop: (() => Promise<void>) | undefined;
  let adminCode = '';
  let adminSession: Session | undefined;
  let agentSession: Session | undefined;
  let admin: Page;
  let agent: Page;
  let agentId = '';
  let agentCode = '';

  beforeAll(async () => {
    const db = await testDatabaseUrl();
    drop = db.drop;
    server = await startServer(db.url);
    adminCode = bootstrap(db.url);
    adminSession = await launch();
    admin = (await openApp(adminSession)).page;
    await admin.setViewportSize({ width: 1280, height: 900 });
    await admin.getByTestId('ui-lang').selectOption('en');
    await completeFirstRun(admin, { ...E2E_PROFILES.en, scriptLang: 'en' });
  }, 180_000);

  afterAll(async () => {
    await adminSession?.close();
    await agentSession?.close();
    const child = server?.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const closed = new Promise((r) => child.once('close', r));
      child.kill('SIGTERM');
      await Promise.race([closed, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await drop?.();
  });

  it('the admin joins with the bootstrap code and opens the admin screen from Settings', async () => {
    expect(adminCode).toMatch(INVITE_RE);
    await joinFromSettings(admin, server!.origin, adminCode, 'Front desk PC');
    expect(await admin.getByTestId('team-person').textContent()).toBe('Ada Admin (administrator)');
    const link = admin.getByTestId('team-admin-link');
    expect(await link.textContent()).toBe(TEAM_ADMIN_EN['teamAdmin.open']);
    // By keyboard.
    await link.focus();
    await admin.keyboard.press('Enter');
    const screen = admin.getByTestId('team-admin');
    await expect.poll(() => screen.getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
    expect(new URL(admin.url()).hash).toBe('#/team');
    expect(await admin.getByTestId('team-admin-you').textContent()).toContain('Signed in as Ada Admin (administrator) in Bluebird Telecom.');
    expect(await admin.getByTestId('team-admin-group').count()).toBe(0);
    expect(await admin.getByTestId('team-admin-person').count()).toBe(1);
    expect(await admin.getByTestId('team-admin-device').count()).toBe(1);
    expect(await admin.getByTestId('team-admin-device').first().textContent()).toContain('Front desk PC (this device)');
  });

  it('creates a group, a trainer and an agent, and an invite code for the agent', async () => {
    // An empty name is caught here, with one sentence.
    await admin.getByTestId('team-admin-group-create').click();
    await expect.poll(() => admin.getByTestId('team-admin-groups-message').textContent()).toBe(TEAM_ADMIN_EN['teamAdmin.groups.nameMissing']);
    await admin.getByTestId('team-admin-group-name').fill('New hires');
    await admin.getByTestId('team-admin-group-name').press('Enter');
    await expect.poll(() => admin.getByTestId('team-admin-groups-message').textContent()).toBe('The group New hires was created.');
    await expect.poll(() => admin.getByTestId('team-admin-group').allTextContents()).toEqual(['New hires']);

    const addPerson = async (name: string, role: string): Promise<void> => {
      await admin.getByTestId('team-admin-person-name').fill(name);
      await admin.getByTestId('team-admin-person-role').selectOption(role);
      await admin.getByTestId('team-admin-person-groups').getByLabel('New hires').check();
      await admin.getByTestId('team-admin-person-create').click();
      await expect.poll(() => admin.getByTestId('team-admin-person-message').textContent()).toBe(`${name} was added as ${role}.`);
    };
    await addPerson('Tess Trainer', 'trainer');
    await addPerson('Bo Agent', 'agent');
    const rows = admin.getByTestId('team-admin-person');
    await expect.poll(() => rows.count()).toBe(3);
    const agentRow = rows.filter({ hasText: 'Bo Agent' });
    expect(await agentRow.getAttribute('data-role')).toBe('agent');
    expect(await agentRow.getByTestId('team-admin-person-groups-text').textContent()).toBe('Groups: New hires');
    expect(await rows.filter({ hasText: 'Tess Trainer' }).getAttribute('data-role')).toBe('trainer');
    agentId = (await agentRow.getAttribute('data-id')) ?? '';
    expect(agentId).not.toBe('');

    // Changing the only admin's role is refused by the server, with its own sentence; the list still says admin.
    const adminRow = rows.filter({ hasText: 'Ada Admin' });
    await adminRow.getByTestId('team-admin-person-change').click();
    await adminRow.getByTestId('team-admin-edit-role').selectOption('agent');
    await adminRow.getByTestId('team-admin-edit-save').click();
    await expect.poll(() => adminRow.getByTestId('team-admin-edit-message').textContent()).toBe(TEAM_ADMIN_EN['teamAdmin.people.lastAdmin']);
    await adminRow.getByTestId('team-admin-edit-cancel').click();
    expect(await adminRow.getAttribute('data-role')).toBe('admin');

    await agentRow.getByTestId('team-admin-person-invite').click();
    const invite = admin.getByTestId('team-admin-invite');
    await expect.poll(() => invite.count()).toBe(1);
    expect(await invite.locator('h3').textContent()).toBe('Invite code for Bo Agent');
    agentCode = ((await admin.getByTestId('team-admin-invite-code').textContent()) ?? '').trim();
    expect(agentCode).toMatch(INVITE_RE);
    expect(await admin.getByTestId('team-admin-invite-expiry').textContent()).toMatch(/^Shown only now: write it down or copy it\. It works once, on one device, until .+\.$/);
    // The focus moves to the code's heading, so a keyboard user hears it.
    expect(await admin.evaluate(() => document.activeElement?.id)).toBe('team-admin-invite-title');
  });

  it('a second browser profile joins with the agent\'s code as the agent', async () => {
    agentSession = await launch();
    agent = (await openApp(agentSession)).page;
    await agent.setViewportSize({ width: 1280, height: 900 });
    await agent.getByTestId('ui-lang').selectOption('en');
    await completeFirstRun(agent, { ...E2E_PROFILES.en, scriptLang: 'en' });
    await joinFromSettings(agent, server!.origin, agentCode, 'Desk 7');
    expect(await agent.getByTestId('team-person').textContent()).toBe('Bo Agent (agent)');
    // Agents get no admin link.
    expect(await agent.getByTestId('team-admin-link').count()).toBe(0);
    const chip = agent.getByTestId('sync-chip').locator('a');
    await expect.poll(() => chip.textContent(), { timeout: 20_000 }).toBe(`${TEAM_EN['team.chip.prefix']} ${TEAM_EN['team.chip.synced']}`);
    // The code was single use.
    const again = await fetch(`${server!.origin}/v1/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) },
      body: JSON.stringify({ inviteCode: agentCode, deviceName: 'Another' }),
    });
    expect(again.status).toBe(410);
  });

  it('the admin revokes the agent\'s device in two steps; the agent is refused from then on', async () => {
    await admin.getByTestId('team-admin-reload').click();
    const devices = admin.getByTestId('team-admin-device');
    await expect.poll(() => devices.count()).toBe(2);
    const agentDevice = devices.filter({ hasText: 'Desk 7' });
    expect(await agentDevice.getAttribute('data-person')).toBe(agentId);
    expect(await agentDevice.textContent()).toContain('Bo Agent');
    expect(await agentDevice.getAttribute('data-revoked')).toBe('false');
    await agentDevice.getByTestId('team-admin-device-revoke').click();
    // The second step's "Keep it" has the focus; keeping changes nothing.
    expect(await admin.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('team-admin-device-revoke-no');
    expect(await agentDevice.textContent()).toContain('Revoke the device Desk 7 of Bo Agent?');
    await admin.keyboard.press('Enter');
    expect(await agentDevice.getByTestId('team-admin-device-revoke-yes').count()).toBe(0);
    expect(await admin.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Revoke Desk 7');
    expect(await agentDevice.getAttribute('data-revoked')).toBe('false');
    await agentDevice.getByTestId('team-admin-device-revoke').click();
    await agentDevice.getByTestId('team-admin-device-revoke-yes').click();
    await expect.poll(() => admin.getByTestId('team-admin-devices-message').textContent()).toBe('The device Desk 7 was revoked.');
    await expect.poll(() => agentDevice.getAttribute('data-revoked')).toBe('true');
    expect(await agentDevice.getByTestId('team-admin-device-status').textContent()).toMatch(/^revoked .+/);
    expect(await agentDevice.getByTestId('team-admin-device-revoke').count()).toBe(0);
    // The admin's own device is untouched.
    expect(await devices.filter({ hasText: 'Front desk PC' }).getAttribute('data-revoked')).toBe('false');

    // The agent's next request fails: its chip gives the reason, and its token gets 401 device-revoked.
    await agent.getByTestId('team-sync-now').click();
    const chip = agent.getByTestId('sync-chip').locator('a');
    await expect.poll(() => chip.textContent(), { timeout: 20_000 })
      .toBe(`${TEAM_EN['team.chip.prefix']} ${TEAM_EN['team.chip.error'].replace('{reason}', TEAM_EN['team.reason.revoked'])}`);
    const token = await storedToken(agent);
    expect(token).toMatch(/^vdt\./);
    const me = await fetch(`${server!.origin}/v1/me`, { headers: { authorization: `Bearer ${token ?? ''}`, [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) } });
    expect(me.status).toBe(401);
    expect(((await me.json()) as { code: string }).code).toBe('device-revoked');
  });

  it('a trainer sees the people of their group read-only and makes invite codes for its agents only', async () => {
    // The admin makes Tess Trainer's code; the revoked browser leaves and joins again as her.
    const tessRow = admin.getByTestId('team-admin-person').filter({ hasText: 'Tess Trainer' });
    await tessRow.getByTestId('team-admin-person-invite').click();
    await expect.poll(() => admin.getByTestId('team-admin-invite').locator('h3').textContent()).toBe('Invite code for Tess Trainer');
    const trainerCode = ((await admin.getByTestId('team-admin-invite-code').textContent()) ?? '').trim();
    expect(trainerCode).toMatch(INVITE_RE);
    expect(trainerCode).not.toBe(agentCode);
    await admin.getByTestId('team-admin-invite-hide').click();
    expect(await admin.getByTestId('team-admin-invite').count()).toBe(0);
    expect(await admin.evaluate(() => document.activeElement?.id)).toBe('team-admin-people-title');

    await agent.getByTestId('team-leave').click();
    await agent.getByTestId('team-leave-confirm').click();
    await joinFromSettings(agent, server!.origin, trainerCode, 'Training room');
    expect(await agent.getByTestId('team-person').textContent()).toBe('Tess Trainer (trainer)');
    await agent.getByTestId('team-admin-link').click();
    await expect.poll(() => agent.getByTestId('team-admin').getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
    expect(await agent.getByTestId('team-admin-trainer').textContent()).toBe(TEAM_ADMIN_EN['teamAdmin.trainerNote']);
    const rows = agent.getByTestId('team-admin-person');
    expect((await agent.getByTestId('team-admin-person-name-text').allTextContents()).sort()).toEqual(['Bo Agent', 'Tess Trainer (you)']);
    expect(await agent.getByTestId('team-admin-group').allTextContents()).toEqual(['New hires']);
    expect(await agent.getByTestId('team-admin-person-change').count()).toBe(0);
    expect(await agent.getByTestId('team-admin-group-name').count()).toBe(0);
    expect(await agent.getByTestId('team-admin-person-name').count()).toBe(0);
    expect(await agent.getByTestId('team-admin-devices').count()).toBe(0);
    expect(await rows.filter({ hasText: 'Tess Trainer' }).getByTestId('team-admin-person-invite').count()).toBe(0);
    await rows.filter({ hasText: 'Bo Agent' }).getByTestId('team-admin-person-invite').click();
    await expect.poll(() => agent.getByTestId('team-admin-invite-code').textContent()).toMatch(INVITE_RE);
  });

  it('has no serious or critical axe violation on the admin screen in English and Chinese, at 1280 and 360 px', async () => {
    // Open the editor and the revoke question too, so their controls are checked.
    await admin.getByTestId('team-admin-person').filter({ hasText: 'Tess Trainer' }).getByTestId('team-admin-person-change').click();
    await admin.getByTestId('team-admin-device').filter({ hasText: 'Front desk PC' }).getByTestId('team-admin-device-revoke').click();
    const found: string[] = [];
    for (const lang of ['en', 'zh-CN'] as const) {
      await admin.getByTestId('ui-lang').selectOption(lang);
      for (const width of [1280, 360]) {
        await admin.setViewportSize({ width, height: 800 });
        found.push(...(await seriousOrWorse(admin)).map((v) => `${lang} ${width}: ${v}`));
        if (width === 360) found.push(...(await sidewaysOverflow(admin)).map((v) => `${lang} 360: ${v}`));
      }
    }
    expect(await admin.locator('#team-admin-title').textContent()).toBe('团队管理');
    await admin.getByTestId('team-admin-device-revoke-no').click();
    await admin.setViewportSize({ width: 1280, height: 900 });
    await admin.getByTestId('ui-lang').selectOption('en');
    expect(found).toEqual([]);
  });
});
