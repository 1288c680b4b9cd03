/**
 * The first run: the name and company for the greetings, then an optional calibration (skippable).
 * Step 2 is remembered on this device (services/onboarding.ts), so a reload there offers calibration
 * again; a saved calibration says so and waits for Continue instead of leaving at once.
 */
import { useState } from 'react';
import { useApp } from '../../services/app-context.ts';
import { setCalibrationPending } from '../../services/onboarding.ts';
import { browserStorage } from '../../services/preferences.ts';
import { CalibrationPanel } from './CalibrationPanel.tsx';
import { ProfileForm } from './ProfileForm.tsx';

/** The first-run screen (shown until a profile is stored, or while calibration is pending). */
export function FirstRun({ onFinish }: { onFinish: () => void }): React.JSX.Element {
  const { t, profileSaved, navigate } = useApp();
  // Derived until chosen: the stored profile arrives just after start-up, and a saved one means step 2.
  const [chosenStep, setStep] = useState<1 | 2 | null>(null);
  const step = chosenStep ?? (profileSaved ? 2 : 1);
  const [calibrated, setCalibrated] = useState(false);
  const finish = (): void => {
    setCalibrationPending(browserStorage(), false);
    onFinish();
    navigate({ screen: 'practice' });
  };
  const toStep2 = (): void => {
    setCalibrationPending(browserStorage(), true);
    setStep(2);
  };
  const saved = (): void => {
    setCalibrationPending(browserStorage(), false);
    setCalibrated(true);
  };
  return (
    <section className="screen first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t('firstRun.title')}</h2>
      <p className="step">{t('firstRun.step', { n: step })}</p>
      {step === 1 ? (
        <div className="card">
          <p>{t('firstRun.intro')}</p>
          <ProfileForm submitLabel={t('firstRun.continue')} onSaved={toStep2} />
        </div>
      ) : (
        <>
          <p>{t('firstRun.calibrateIntro')}</p>
          <CalibrationPanel onDone={saved} focusTitle={chosenStep === 2 /* Continue replaced the form: the focus moves on to step 2's title, not <body> */} extra={calibrated
            ? <button type="button" className="primary" onClick={finish} data-action="finish-first-run" autoFocus>{t('firstRun.toPractice')}</button>
            : <button type="button" onClick={finish} data-action="skip-calibration">{t('calibrate.skip')}</button>} />
        </>
      )}
    </section>
  );
}
