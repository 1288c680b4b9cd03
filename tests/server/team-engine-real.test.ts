/**
 * The app's sync engine (src/team) against the real server: registerApi on a real PostgreSQL (pg-cluster), Fastify
 * listening on a free loopback port, Node's fetch. An admin joins through the engine and publishes a pack; an agent
 * joins with an invite, pulls the pack, analyses takes (queued by the storage hook), pushes them with a completion
 * and one take's audio; a reload pushing the same take again is a duplicate (no second row); the admin's live roster
 * shows the takes; a revoked device keeps its outbox.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { countOutbox, listOutbox } from '../../src/storage/index.ts';
import { SyncEngine, type FetchLike } from '../../src/team/index.ts';
import { bootstrapOrganisation } from '../../server/admin-cli.ts';
import { analysedTake, drill, freshStore, opened, pack } from '../team/helpers.ts';
import { call, json, openHarness, type Harness } from './api-harness.ts';

let h: Harness;
let origin: string;
const engines: SyncEngine[] = [];

beforeAll(async () => {
  h = await openHarness();
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const address = h.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
}, 60_000);

afterAll(async () => {
  for (const e of engines.splice(0)) e.stop();
  for (const s of opened.splice(0)) s.close();
  await h?.close();
});

const nodeFetch: FetchLike = (url, init) => fetch(url, init as RequestInit);

function engineOver(store: Awaited<ReturnType<typeof freshStore>>, hookReports = false): SyncEngine {
  const engine = new SyncEngine({ store, fetch: nodeFetch, hookReports, timers: { setTimeout: () => 0, clearTimeout: () => undefined } });
  engines.push(engine);
  return engine;
}

const rows = async (table: string, orgId: string): Promise<number> =>
  Number((await h.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table} WHERE org_id = $1`, [orgId]))[0].n);

describe('the sync engine against the real server', () => {
  it('joins, publishes, pulls, pushes takes, a completion and audio; a replay is a duplicate; the roster reads them; revoked keeps the outbox', async () => {
    const boot = await bootstrapOrganisation(h.db, { orgName: 'Riverside', adminName: 'Ada Admin' });

    // The admin's device joins through the engine and sets up a group, an agent and an invite.
    const adminStore = await freshStore();
    const admin = engineOver(adminStore);
    await admin.saveOrigin(`${origin}/`);
    const adminJoin = await admin.join(boot.invite.code.toLowerCase(), 'Admin PC');
    expect(adminJoin.person.role).toBe('admin');
    const adminToken = adminJoin.token;
    const groupId = json<{ id: string }>(await call(h.app, 'POST', '/v1/groups', adminToken, { name: 'Day shift' }), 201).id;
    const agentId = json<{ id: string }>(await call(h.app, 'POST', '/v1/people', adminToken, { name: 'Wang Fang', role: 'agent', groupIds: [groupId] }), 201).id;
    const code = json<{ code: string }>(await call(h.app, 'POST', '/v1/invites', adminToken, { personId: agentId }), 201).code;
    expect(await admin.fetchGroups()).toEqual([{ id: groupId, name: 'Day shift' }]);
    const a = drill('a');
    expect(await admin.publishPack(pack(1, [a], 'refunds', 2), [groupId])).toEqual({ packId: 'refunds', version: 1, groupIds: [groupId] });

    // The agent joins, pulls the pack (source server), analyses two takes: queued by the hook with the pack and the completion.
    const agentStore = await freshStore();
    const agent = engineOver(agentStore, true);
    await agent.start();
    await agent.saveOrigin(origin);
    const joined = await agent.join(code, 'Front desk');
    expect(joined.person).toEqual({ id: agentId, name: 'Wang Fang', role: 'agent', groupIds: [groupId] });
    await agent.syncNow();
    expect(await agentStore.getAssignedPack('refunds')).toMatchObject({ version: 1, source: 'server' });
    const t1 = await analysedTake(agentStore, a, '2026-12-03T09:00:00.000Z');
    const t2 = await analysedTake(agentStore, a, '2026-12-03T09:05:00.000Z');
    await vi.waitFor(async () => expect(await countOutbox(agentStore.db)).toBe(3), { timeout: 5000 }); // the hook's enqueues after each save
    expect((await listOutbox(agentStore.db)).map((i) => i.id).sort()).toEqual(['completion:refunds:a', `take:${t1}`, `take:${t2}`].sort());
    await agent.shareTakeAudio(t1);
    await agent.push();
    expect(await countOutbox(agentStore.db)).toBe(0);
    expect(await agent.refreshStatus()).toMatchObject({ state: 'synced', pending: 0, error: null });
    expect(await rows('takes', boot.orgId)).toBe(2);
    expect(await rows('completions', boot.orgId)).toBe(1);
    expect(await rows('take_audio', boot.orgId)).toBe(1);
    const stored = await h.db.query<{ take_id: string; pack_id: string | null }>('SELECT take_id, pack_id FROM takes WHERE org_id = $1 ORDER BY take_id', [boot.orgId]);
    expect(stored.map((r) => [r.take_id, r.pack_id])).toEqual([t1, t2].sort().map((id) => [id, 'refunds']));

    // A reload that queues t1 again (an engine over the same database): acknowledged as a duplicate, no second row.
    const again = engineOver(agentStore);
    await again.takeSaved((await agentStore.getTake(t1))!);
    await again.push();
    expect(await countOutbox(agentStore.db)).toBe(0);
    expect(await rows('takes', boot.orgId)).toBe(2);

    // The admin's live roster: the agent on the pack with both takes.
    const roster = await admin.fetchRoster(groupId);
    expect(roster.map((e) => [e.agentId, e.agentName, e.pack.id, e.takes.map((t) => t.takeId).sort()])).toEqual([[agentId, 'Wang Fang', 'refunds', [t1, t2].sort()]]);
    // (hasAudio is the summary as pushed: t1's audio was shared after its summary, which the server keeps unchanged.)
    expect(roster[0].takes.find((t) => t.takeId === t1)).toMatchObject({ drillId: 'a', drillVersion: 1, speechFound: true });

    // The admin revokes the agent's device: the next push is refused with 401, the take stays queued.
    json(await call(h.app, 'POST', `/v1/devices/${joined.device.id}/revoke`, adminToken), 200);
    const t3 = await analysedTake(agentStore, a, '2026-12-03T09:10:00.000Z');
    await vi.waitFor(async () => expect(await countOutbox(agentStore.db)).toBe(1), { timeout: 5000 });
    await agent.push();
    expect((await listOutbox(agentStore.db)).map((i) => [i.id, i.attempts])).toEqual([[`take:${t3}`, 0]]);
    expect(await agent.refreshStatus()).toMatchObject({ state: 'error', error: 'revoked', pending: 1 });
    expect(await rows('takes', boot.orgId)).toBe(2);
  }, 60_000);
});
