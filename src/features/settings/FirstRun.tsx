/** The first run: the name and company for the greetings, then an optional calibration (skippable). */
import { useState } from 'react';
import { useApp } from '../../services/app-context.ts';
import { CalibrationPanel } from './CalibrationPanel.tsx';
import { ProfileForm } from './ProfileForm.tsx';

/** The first-run screen (shown until a profile is stored). */
export function FirstRun({ onFinish }: { onFinish: () => void }): React.JSX.Element {
  const { t, profileSaved, navigate } = useApp();
  const [step, setStep] = useState<1 | 2>(profileSaved ? 2 : 1);
  // Continue replaces the form: the focus moves on to step 2's title instead of falling to <body>.
  const [continued, setContinued] = useState(false);
  const finish = (): void => {
    onFinish();
    navigate({ screen: 'practice' });
  };
  return (
    <section className="screen first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t('firstRun.title')}</h2>
      <p className="step">{t('firstRun.step', { n: step })}</p>
      {step === 1 ? (
        <div className="card">
          <p>{t('firstRun.intro')}</p>
          <ProfileForm submitLabel={t('firstRun.continue')} onSaved={() => { setStep(2); setContinued(true); }} />
        </div>
      ) : (
        <>
          <p>{t('firstRun.calibrateIntro')}</p>
          <CalibrationPanel onDone={finish} focusTitle={continued} extra={<button type="button" onClick={finish} data-action="skip-calibration">{t('calibrate.skip')}</button>} />
        </>
      )}
    </section>
  );
}
