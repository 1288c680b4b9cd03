/** The update prompt's state machine: pure, so the rule "never swap versions mid-take" is unit-tested. */

/** Where the update stands. */
export type UpdateState =
  | { kind: 'none' }
  /** A new version waits; `afterTake` when it was accepted during a take that has now finished. */
  | { kind: 'available'; afterTake: boolean }
  /** Accepted while busy: nothing happens until the take or analysis ends. */
  | { kind: 'deferred' }
  | { kind: 'applying' }
  | { kind: 'dismissed' };

/** Events the prompt reacts to. */
export type UpdateEvent =
  | { type: 'waiting' }
  | { type: 'accept'; busy: boolean }
  | { type: 'dismiss' }
  | { type: 'idle' };

/**
 * Next state; 'applying' is the only state in which the app activates the new version and reloads.
 * An update accepted during a take is offered again when the take ends, rather than reloading under
 * the scorecard the agent is reading.
 */
export function nextUpdateState(state: UpdateState, event: UpdateEvent): UpdateState {
  switch (event.type) {
    case 'waiting':
      return state.kind === 'none' || state.kind === 'dismissed' ? { kind: 'available', afterTake: false } : state;
    case 'accept':
      if (state.kind !== 'available') return state;
      return event.busy ? { kind: 'deferred' } : { kind: 'applying' };
    case 'dismiss':
      return state.kind === 'available' || state.kind === 'deferred' ? { kind: 'dismissed' } : state;
    case 'idle':
      return state.kind === 'deferred' ? { kind: 'available', afterTake: true } : state;
  }
}
