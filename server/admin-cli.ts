/**
 * The server's administration commands (issue 13), run by the operator on the server machine (main.ts dispatches to
 * runAdminCommand):
 *   bootstrap --org "<name>" --admin "<name>"   a new organisation and its first admin; prints the admin's one-time invite code
 *   invite --org <id> --person <id> [--hours N]  a new one-time invite code for a person (a lost or new device)
 * Organisation names need not be unique: each bootstrap makes a new organisation and prints its id.
 */
import { ID_PATTERN, SYNC_LIMITS } from '../src/sync/protocol.ts';
import type { Db } from './db/sql.ts';
import { bootstrapOrganisation, createInviteAsOperator } from './domain/accounts.ts';
import { ApiError } from './domain/errors.ts';

export { bootstrapOrganisation };

/** The admin commands' usage text. */
export const ADMIN_USAGE = [
  'Administration commands:',
  '  bootstrap --org "<organisation name>" --admin "<admin name>"   create an organisation and its first admin',
  '  invite --org <organisation id> --person <person id> [--hours N]  a new one-time invite code for a person',
];

function options(argv: readonly string[], allowed: readonly string[]): Map<string, string> | string {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!flag.startsWith('--') || !allowed.includes(flag.slice(2))) return `Unknown option "${flag}".`;
    if (value === undefined || value.startsWith('--')) return `The option ${flag} needs a value.`;
    out.set(flag.slice(2), value);
  }
  return out;
}

function hoursOf(text: string | undefined): number | string {
  if (text === undefined) return SYNC_LIMITS.inviteHours;
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= SYNC_LIMITS.maxInviteHours ? n : `--hours must be a whole number from 1 to ${SYNC_LIMITS.maxInviteHours}.`;
}

/** Runs one admin command; prints with `out`; returns the exit code (0 done, 2 bad usage, 1 refused). */
export async function runAdminCommand(argv: string[], db: Db, out: (line: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  const usage = (problem: string): number => {
    out(problem);
    for (const line of ADMIN_USAGE) out(line);
    return 2;
  };
  try {
    if (command === 'bootstrap') {
      const opts = options(rest, ['org', 'admin', 'hours']);
      if (typeof opts === 'string') return usage(opts);
      const org = opts.get('org');
      const admin = opts.get('admin');
      if (org === undefined || admin === undefined) return usage('bootstrap needs --org and --admin.');
      const hours = hoursOf(opts.get('hours'));
      if (typeof hours === 'string') return usage(hours);
      const made = await bootstrapOrganisation(db, { orgName: org, adminName: admin, ttlHours: hours });
      out(`Organisation "${org.trim()}" created with id ${made.orgId}.`);
      out(`Admin "${admin.trim()}" created with id ${made.adminId}.`);
      out(`The admin's invite code (single use, shown only now): ${made.invite.code}`);
      out(`It expires at ${made.invite.expiresAt}. Enter it in the app's Settings, under Team server, to join a device.`);
      return 0;
    }
    if (command === 'invite') {
      const opts = options(rest, ['org', 'person', 'hours']);
      if (typeof opts === 'string') return usage(opts);
      const org = opts.get('org');
      const person = opts.get('person');
      if (org === undefined || person === undefined) return usage('invite needs --org and --person.');
      if (!ID_PATTERN.test(org) || !ID_PATTERN.test(person)) return usage('--org and --person take ids such as o-7k3m9qxd2hva.');
      const hours = hoursOf(opts.get('hours'));
      if (typeof hours === 'string') return usage(hours);
      const invite = await createInviteAsOperator(db, org, person, hours);
      out(`Invite code for ${person} (single use, shown only now): ${invite.code}`);
      out(`It expires at ${invite.expiresAt}.`);
      return 0;
    }
    return usage(command === undefined ? 'No command given.' : `Unknown command "${command}".`);
  } catch (e) {
    if (e instanceof ApiError) {
      out(e.status === 404 ? 'No such person in that organisation.' : e.message);
      return 1;
    }
    throw e;
  }
}
