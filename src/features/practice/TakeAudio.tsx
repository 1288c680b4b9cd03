/**
 * Listen back to a take. The WAV is made only when asked for (it costs nothing on the way to the
 * scorecard); its object URL is revoked when the take changes or the player closes.
 */
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../services/app-context.ts';
import { encodeWavMono16 } from '../../audio/wav.ts';
import { useMediaRelease } from '../../ui/media-release.ts';

/** Props of TakeAudio. */
export interface TakeAudioProps {
  samples: Float32Array;
  sampleRateHz: number;
  /** Show the player at once (the agent already asked to listen). */
  startOpen?: boolean;
}

/** A "listen" button that becomes an audio player for the samples. */
export function TakeAudio({ samples, sampleRateHz, startOpen = false }: TakeAudioProps): React.JSX.Element | null {
  const { t } = useApp();
  const [opened, setOpened] = useState(startOpen);
  const [url, setUrl] = useState<string | null>(null);
  const player = useRef<HTMLAudioElement | null>(null);
  // The button the agent pressed is replaced by the player: the player takes the focus.
  useEffect(() => { if (url !== null) player.current?.focus(); }, [url]);
  useEffect(() => {
    if (!opened) return undefined;
    const bytes = encodeWavMono16(samples, sampleRateHz);
    const objectUrl = URL.createObjectURL(new Blob([bytes.buffer as ArrayBuffer], { type: 'audio/wav' }));
    setUrl(objectUrl);
    return () => {
      URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [opened, samples, sampleRateHz]);
  useMediaRelease(player, url);
  if (!opened) return <button type="button" onClick={() => setOpened(true)} data-action="listen">{t('practice.listen')}</button>;
  if (url === null) return null;
  return (
    <figure className="take-audio">
      <figcaption>{t('practice.listen')}</figcaption>
      <audio ref={player} controls autoPlay src={url} data-testid="take-player" />
    </figure>
  );
}
