/** The update prompt's state machine: pure, so the rule "never swap versions mid-take" is unit-tested. */

/** Where the update stands. */
export type UpdateState =
  | { kind: 'none' }
  | { kind: 'available' }
  /** Accepted while busy: the reload waits until the take or analysis ends. */
  | { kind: 'deferred' }
  | { kind: 'applying' }
  | { kind: 'dismissed' };

/** Events the prompt reacts to. */
export type UpdateEvent =
  | { type: 'waiting' }
  | { type: 'accept'; busy: boolean }
  | { type: 'dismiss' }
  | { type: 'idle' };

/** Next state; 'applying' is the only state in which the app may activate the new version and reload. */
export function nextUpdateState(state: UpdateState, event: UpdateEvent): UpdateState {
  switch (event.type) {
    case 'waiting':
      return state.kind === 'none' || state.kind === 'dismissed' ? { kind: 'available' } : state;
    case 'accept':
      if (state.kind !== 'available') return state;
      return event.busy ? { kind: 'deferred' } : { kind: 'applying' };
    case 'dismiss':
      return state.kind === 'available' || state.kind === 'deferred' ? { kind: 'dismissed' } : state;
    case 'idle':
      return state.kind === 'deferred' ? { kind: 'applying' } : state;
  }
}
