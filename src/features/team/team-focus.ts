/** "Open the team section": the header's chip asks, the settings' team section focuses itself (now, or when it mounts). */
let wanted = false;
const listeners = new Set<() => void>();

/** Ask the team section to take the focus (it may not be on screen yet). */
export function requestTeamFocus(): void {
  wanted = true;
  for (const listener of listeners) listener();
}

/** Called by the team section: `focus` runs for a request made before or after; returns the unsubscribe. */
export function onTeamFocusRequest(focus: () => void): () => void {
  const run = (): void => {
    if (!wanted) return;
    wanted = false;
    focus();
  };
  listeners.add(run);
  run();
  return () => { listeners.delete(run); };
}
