/** Listen to a stored take: its audio is read from storage only when asked for. */
import { useState } from 'react';
import { useApp } from '../../services/app-context.ts';
import { TakeAudio } from '../practice/components.ts';

/** A "listen" button for a stored take. */
export function StoredTakeAudio({ takeId }: { takeId: string }): React.JSX.Element | null {
  const { t, store } = useApp();
  const [audio, setAudio] = useState<{ samples: Float32Array; sampleRateHz: number } | null>(null);
  if (!store) return null;
  if (audio) return <TakeAudio samples={audio.samples} sampleRateHz={audio.sampleRateHz} startOpen />;
  const load = async (): Promise<void> => {
    const take = await store.getTake(takeId);
    if (!take) return;
    setAudio({ samples: await store.loadTakeAudio(takeId), sampleRateHz: take.sampleRateHz });
  };
  return <button type="button" onClick={() => void load().catch(() => undefined)} data-action="load-audio">{t('practice.listen')}</button>;
}
