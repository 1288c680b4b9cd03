/** Which files the call engine takes by their channel count, said the same way by the CLI and the app. */

/** Why a file of `channelCount` channels is not a call (a clause, for a host to prefix with the file), or null. */
export function callChannelsRefusal(channelCount: number): string | null {
  if (channelCount === 1 || channelCount === 2) return null;
  return `the file has ${channelCount} channels; a call must be mono or stereo`;
}
