/**
 * A call centre on a running sync server, set up over HTTP as a real one would be (issue 13's load benchmark and
 * fault tests): the organisation bootstrapped on the database, its admin's device joined with the bootstrap invite,
 * groups, trainers and agents created by the admin, each person's device joined (invite → join), packs published to
 * every group. And realistic take summaries: 9 guideline verdicts, UUID take ids, a drill of an assigned pack.
 */
import { randomUUID } from 'node:crypto';
import type { Lang } from '../../src/guidelines/ids.ts';
import type { PackJson } from '../../src/packs/types.ts';
import {
  PROTOCOL_HEADER, SYNC_PATHS, SYNC_PROTOCOL_VERSION,
  type GroupInfo, type InviteResponse, type JoinResponse, type PersonInfo, type SyncTake,
} from '../../src/sync/protocol.ts';
import { samplePack } from '../packs/pack-fixtures.ts';
import { seededRandom } from '../helpers/synth.ts';

/** One HTTP answer: status and parsed JSON body (null when empty or not JSON). */
export interface Answer<T> { status: number; body: T; bytes: number }

/** A request to the server as the app makes it (protocol header, bearer token, JSON body). */
export async function call<T = unknown>(origin: string, method: string, path: string, options: { token?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${origin}${path}`, {
    method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), signal: options.signal,
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, body: body as T, bytes: Buffer.byteLength(text) };
}

/** call() that throws with the server's sentence unless the status is the expected one. */
export async function must<T>(expected: number, origin: string, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<T> {
  const a = await call<T>(origin, method, path, options);
  if (a.status !== expected) throw new Error(`${method} ${path} → ${a.status} (expected ${expected}): ${JSON.stringify(a.body)}`);
  return a.body;
}

/** Runs fn over items with at most `limit` in flight; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export interface Member { personId: string; name: string; token: string; groupIds: string[] }

export interface Centre {
  orgId: string;
  admin: Member;
  groups: GroupInfo[];
  trainers: Member[];
  agents: Member[];
  /** Published to every group. */
  packs: PackJson[];
}

export interface CentreShape {
  groups: number;
  agentsPerGroup: number;
  trainers: number;
  /** Consecutive groups per trainer (trainer t: groups t·k … t·k+k−1, wrapping). */
  groupsPerTrainer: number;
}

/** Two packs an admin publishes: the pack tests' sample pack and a copy under another id. */
export function centrePacks(): PackJson[] {
  const a = samplePack();
  return [a, { ...a, id: 'riverside-week-2', title: 'Riverside week 2', version: 1 }];
}

/** Creates a person over HTTP and joins a device for them; returns their token. */
async function enrol(origin: string, adminToken: string, name: string, role: 'agent' | 'trainer', groupIds: string[]): Promise<Member> {
  const person = await must<PersonInfo>(201, origin, 'POST', SYNC_PATHS.people, { token: adminToken, body: { name, role, groupIds } });
  const invite = await must<InviteResponse>(201, origin, 'POST', SYNC_PATHS.invites, { token: adminToken, body: { personId: person.id } });
  const joined = await must<JoinResponse>(201, origin, 'POST', SYNC_PATHS.join, { body: { inviteCode: invite.code, deviceName: `${name}'s laptop` } });
  return { personId: person.id, name, token: joined.token, groupIds };
}

/**
 * Sets up the centre on the server at `origin`. `adminInviteCode` is the bootstrap invite of the organisation's first
 * admin (server/admin-cli.ts). Enrolment runs 16 at a time.
 */
export async function setUpCentre(origin: string, adminInviteCode: string, shape: CentreShape): Promise<Centre> {
  const adminJoin = await must<JoinResponse>(201, origin, 'POST', SYNC_PATHS.join, { body: { inviteCode: adminInviteCode, deviceName: 'Admin desk' } });
  const admin: Member = { personId: adminJoin.person.id, name: adminJoin.person.name, token: adminJoin.token, groupIds: [] };
  const groups: GroupInfo[] = [];
  for (let g = 0; g < shape.groups; g++) {
    groups.push(await must<GroupInfo>(201, origin, 'POST', SYNC_PATHS.groups, { token: admin.token, body: { name: `Team ${g + 1}` } }));
  }
  const trainerGroups = (t: number): string[] =>
    Array.from({ length: Math.min(shape.groupsPerTrainer, shape.groups) }, (_, k) => groups[(t * shape.groupsPerTrainer + k) % shape.groups].id);
  const trainers = await mapLimit(Array.from({ length: shape.trainers }, (_, t) => t), 4,
    (t) => enrol(origin, admin.token, `Trainer ${t + 1}`, 'trainer', trainerGroups(t)));
  const agentSlots = Array.from({ length: shape.groups * shape.agentsPerGroup }, (_, i) => i);
  const agents = await mapLimit(agentSlots, 16,
    (i) => enrol(origin, admin.token, `Agent ${i + 1}`, 'agent', [groups[Math.floor(i / shape.agentsPerGroup)].id]));
  const packs = centrePacks();
  for (const pack of packs) {
    await must(200, origin, 'PUT', `${SYNC_PATHS.packs}/${pack.id}`, { token: admin.token, body: { pack, groupIds: groups.map((g) => g.id) } });
  }
  return { orgId: adminJoin.org.id, admin, groups, trainers, agents, packs };
}

const UNITS: Record<Lang, Record<string, string>> = {
  en: { rate: 'wpm', volume: 'dBFS', effort: 'dB', steadiness: 'dB', pitchLevel: 'st', pitchVariety: 'st', pauses: 'pauses', emphasis: 'cues', warmth: 'st' },
  zh: { rate: 'chars/min', volume: 'dBFS', effort: 'dB', steadiness: 'dB', pitchLevel: 'st', pitchVariety: 'st', pauses: 'pauses', emphasis: 'cues', warmth: 'st' },
};
const STATUSES = ['low', 'borderline', 'good', 'good', 'good', 'high'] as const;

/** A small deterministic PRNG (mulberry32, the synthetic signals' own), so a run's takes and batches are the same every time. */
export const prng = seededRandom;

/** The k-th take of an agent as the app pushes it: a drill of one of the packs, 9 verdicts, a UUID take id. */
export function makeTake(packs: readonly PackJson[], k: number, random: () => number, createdAtMs: number): SyncTake {
  const pack = packs[k % packs.length];
  const pd = pack.drills[Math.floor(k / packs.length) % pack.drills.length];
  const lang = pd.drill.lang;
  const r = (lo: number, hi: number, decimals: number): number => Number((lo + random() * (hi - lo)).toFixed(decimals));
  const values: Record<string, number | null> = {
    rate: lang === 'en' ? r(100, 180, 0) : r(150, 280, 0), volume: r(-32, -14, 1), effort: r(-4, 9, 1), steadiness: r(0.5, 4, 1),
    pitchLevel: r(-2, 5, 1), pitchVariety: r(1, 7, 1), pauses: Math.floor(random() * 4), emphasis: Math.floor(random() * 4),
    warmth: random() < 0.2 ? null : r(-1, 3, 1),
  };
  return {
    takeId: randomUUID(),
    drillId: pd.drill.id,
    drillVersion: pd.drill.version,
    createdAt: new Date(createdAtMs).toISOString(),
    analysisVersion: '1.5.0',
    lang,
    durationSec: r(3, 14, 2),
    speechFound: true,
    verdicts: Object.entries(values).map(([guideline, value]) => ({
      guideline: guideline as SyncTake['verdicts'][number]['guideline'],
      value,
      unit: UNITS[lang][guideline],
      status: value === null ? 'unmeasured' : STATUSES[Math.floor(random() * STATUSES.length)],
    })),
    model: pd.hasModel ? { rateRatio: r(0.7, 1.3, 2), pitchVarietyRatio: r(0.5, 1.5, 2), contourDistanceSt: r(0.5, 3, 2) } : null,
    hasAudio: false,
    packId: pack.id,
    packVersion: pack.version,
  };
}
