/** The team administration screen's logic: who may do what, group names, the sentence of a failure. Pure. */
import type { MessageKey } from '../../i18n/index.ts';
import type { GroupInfo, PersonInfo, Role } from '../../sync/protocol.ts';
import { TeamError } from '../../team/index.ts';
import { teamErrorKey } from '../team/index.ts';

/** A one-sentence message under a form. */
export interface AdminMessage { key: MessageKey; params?: Record<string, string | number>; error: boolean }

/** What a role may do here, as the server allows it (protocol.ts). */
export interface AdminRights {
  /** Create groups and people, change roles and groups, list and revoke devices. */
  manage: boolean;
  /** See the people (admin: all; trainer: of their groups). */
  seePeople: boolean;
}

export function rightsOf(role: Role): AdminRights {
  return { manage: role === 'admin', seePeople: role === 'admin' || role === 'trainer' };
}

/** Whether the caller may make an invite code for this person: an admin for anyone, a trainer for an agent of their groups. */
export function mayInvite(callerRole: Role, callerGroupIds: readonly string[], person: PersonInfo): boolean {
  if (callerRole === 'admin') return true;
  return callerRole === 'trainer' && person.role === 'agent' && person.groupIds.some((g) => callerGroupIds.includes(g));
}

/** The names of a person's groups, in the groups' order; ids the caller cannot see are left out. */
export function groupNames(groupIds: readonly string[], groups: readonly GroupInfo[]): string[] {
  return groups.filter((g) => groupIds.includes(g.id)).map((g) => g.name);
}

/** The sentence of a failure; changing the last administrator's role has its own. */
export function adminErrorKey(error: unknown, changingRole = false): MessageKey {
  if (changingRole && error instanceof TeamError && error.status === 409) return 'teamAdmin.people.lastAdmin';
  return teamErrorKey(error);
}
