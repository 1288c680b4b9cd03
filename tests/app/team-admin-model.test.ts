/** The team administration screen's logic: rights per role, who may be invited, group names, the sentence of a failure. */
import { describe, expect, it } from 'vitest';
import { adminErrorKey, groupNames, mayInvite, rightsOf } from '../../src/features/team-admin/team-admin-model.ts';
import { navScreenOf, parseRoute, routeHref } from '../../src/services/routes.ts';
import type { PersonInfo } from '../../src/sync/protocol.ts';
import { TeamError } from '../../src/team/index.ts';

const person = (role: PersonInfo['role'], groupIds: string[]): PersonInfo => ({ id: 'p-1', name: 'Bo', role, groupIds });

describe('team admin model', () => {
  it('gives each role what the server allows', () => {
    expect(rightsOf('admin')).toEqual({ manage: true, seePeople: true });
    expect(rightsOf('trainer')).toEqual({ manage: false, seePeople: true });
    expect(rightsOf('agent')).toEqual({ manage: false, seePeople: false });
  });

  it('lets an admin invite anyone and a trainer only the agents of their groups', () => {
    expect(mayInvite('admin', [], person('admin', []))).toBe(true);
    expect(mayInvite('trainer', ['g-a'], person('agent', ['g-b', 'g-a']))).toBe(true);
    expect(mayInvite('trainer', ['g-a'], person('agent', ['g-b']))).toBe(false);
    expect(mayInvite('trainer', ['g-a'], person('trainer', ['g-a']))).toBe(false);
    expect(mayInvite('agent', ['g-a'], person('agent', ['g-a']))).toBe(false);
  });

  it('names groups in the groups\' order and leaves out unknown ids', () => {
    const groups = [{ id: 'g-a', name: 'Alpha' }, { id: 'g-b', name: 'Beta' }];
    expect(groupNames(['g-b', 'g-x', 'g-a'], groups)).toEqual(['Alpha', 'Beta']);
    expect(groupNames([], groups)).toEqual([]);
  });

  it('says why: the last admin on a role change, else the team sentence per code', () => {
    const conflict = new TeamError('refused', 'x', { status: 409 });
    expect(adminErrorKey(conflict, true)).toBe('teamAdmin.people.lastAdmin');
    expect(adminErrorKey(conflict, false)).toBe('team.error.refused');
    expect(adminErrorKey(new TeamError('forbidden', 'x', { status: 403 }), true)).toBe('team.error.forbidden');
    expect(adminErrorKey(new TeamError('revoked', 'x', { status: 401 }))).toBe('team.error.revoked');
    expect(adminErrorKey(new Error('boom'))).toBe('team.error.other');
  });

  it('routes #/team to the admin screen, under Settings in the navigation', () => {
    expect(parseRoute('#/team')).toEqual({ screen: 'team' });
    expect(routeHref({ screen: 'team' })).toBe('#/team');
    expect(navScreenOf({ screen: 'team' })).toBe('settings');
  });
});
