/** Open the microphone and start a recording session: the step the practice and calibration screens share. */
import { MicrophoneError, openMicrophone, type MicrophoneErrorKind } from '../audio/microphone.ts';
import { releaseUnused, RecordingSession, type SessionOptions } from './recording-session.ts';

/** How opening went: started, the microphone failed (with its kind), or the screen closed meanwhile. */
export type OpenedSession =
  | { kind: 'started'; session: RecordingSession }
  | { kind: 'failed'; micError: MicrophoneErrorKind }
  | { kind: 'closed' };

function micErrorKind(error: unknown): MicrophoneErrorKind {
  return error instanceof MicrophoneError ? error.kind : 'unknown';
}

/** Open the microphone and start a session; nothing is left running if the screen closed meanwhile. */
export async function openSession(options: SessionOptions, isAlive: () => boolean): Promise<OpenedSession> {
  let stream: MediaStream;
  try {
    stream = await openMicrophone();
  } catch (error) {
    return { kind: 'failed', micError: micErrorKind(error) };
  }
  if (!isAlive()) {
    releaseUnused(stream);
    return { kind: 'closed' };
  }
  try {
    const session = await RecordingSession.start(stream, options);
    if (!isAlive()) {
      session.dispose();
      return { kind: 'closed' };
    }
    return { kind: 'started', session };
  } catch (error) {
    return { kind: 'failed', micError: micErrorKind(error) };
  }
}
