/** Microphone access with the browser's voice processing switched off, and errors people can act on. */

import { classifyMicrophoneError, MicrophoneError } from './microphone-errors.ts';

export { classifyMicrophoneError, MicrophoneError, type MicrophoneErrorKind } from './microphone-errors.ts';

// Echo cancellation, noise suppression and auto gain are on by default; each changes level and
// pitch, so measurements would be meaningless with them on.
const RAW_AUDIO: MediaTrackConstraints = {
  echoCancellation: false,
  noiseSuppression: false,
  autoGainControl: false,
  channelCount: 1,
};

/** Open the microphone for raw capture; throws MicrophoneError. */
export async function openMicrophone(): Promise<MediaStream> {
  if (!window.isSecureContext) throw new MicrophoneError('insecure', 'The microphone needs a secure page (https or localhost).');
  if (!navigator.mediaDevices?.getUserMedia) throw new MicrophoneError('unsupported', 'This browser cannot record audio.');
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: RAW_AUDIO, video: false });
  } catch (error) {
    const kind = classifyMicrophoneError(error);
    throw new MicrophoneError(kind, error instanceof Error ? error.message : String(error));
  }
}

/** Current permission state where the Permissions API knows it ('prompt' when it cannot tell). */
export async function microphonePermission(): Promise<PermissionState> {
  try {
    const status = await navigator.permissions.query({ name: 'microphone' as PermissionName });
    return status.state;
  } catch {
    return 'prompt';
  }
}

/** Stop every track of a stream (releases the microphone and its indicator). */
export function releaseStream(stream: MediaStream | null): void {
  stream?.getTracks().forEach((track) => track.stop());
}
