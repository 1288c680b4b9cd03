/** The app shell: start-up, the header with navigation and language switch, banners, and the current screen. */
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { ANALYSIS_VERSION } from '../takes/index.ts';
import { detectUiLang, formatBuildId, t as translate, type MessageKey, type MessageParams, type UiLang } from '../i18n/index.ts';
import { defaultProfile, isStorageError, type Profile, type StorageErrorKind, type TakeRecord } from '../storage/index.ts';
import { storageErrorMessage } from '../services/error-messages.ts';
import { FirstRun } from '../features/settings/components.ts';
import { UndoDelete } from '../takes/index.ts';
import { AppContext, type AppServices } from '../services/app-context.ts';
import { Header } from './Header.tsx';
import { browserStorage, loadPreferences, savePreferences, type Preferences } from '../services/preferences.ts';
import { calibrationPending, firstRunAtStart } from '../services/onboarding.ts';
import { RecoveryBanner } from './RecoveryBanner.tsx';
import { Screen } from './Screen.tsx';
import { readStored, useBoot } from './use-boot.ts';
import { useHashRoute } from './use-hash-route.ts';
import { UpdatePrompt } from '../pwa/UpdatePrompt.tsx';
import { consumeLaunchedFiles } from './launch-files.ts';
import { dismissFirstPaint } from '../ui/first-paint-overlay.ts';
import { startSync } from '../team/index.ts';

/** The VoiceDrill app. */
export function App(): React.JSX.Element {
  const [storageProblem, setStorageProblem] = useState<StorageErrorKind | null>(null);
  const boot = useBoot(setStorageProblem);
  const [route, navigate] = useHashRoute();
  // "Open with VoiceDrill" (file_handlers): the launched files go to the Calls screen.
  useEffect(() => consumeLaunchedFiles(navigate), [navigate]);
  const [profile, setProfile] = useState<Profile | null>(null);
  const [uiLang, setUiLangState] = useState<UiLang>(() => detectUiLang(navigator.languages ?? [navigator.language]));
  const [prefs, setPrefsState] = useState<Preferences>(() => loadPreferences(browserStorage()));
  const [interrupted, setInterrupted] = useState<AppServices['interrupted']>([]);
  const [recovered, setRecovered] = useState<TakeRecord | null>(null);
  // null until the first run is finished in this session: then it follows what start-up found.
  const [onboarding, setOnboarding] = useState<boolean | null>(null);
  // The first run's last button disappears with it: the focus goes to the screen it leads to.
  const [focusScreenTitle, setFocusScreenTitle] = useState(false);
  useEffect(() => {
    if (!focusScreenTitle) return;
    const title = document.querySelector<HTMLElement>('#main h2[tabindex]');
    if (title) {
      title.focus();
      setFocusScreenTitle(false);
    }
  });
  // Read once: a reload in the first run's step 2 offers calibration again (services/onboarding.ts).
  const [pendingAtStart] = useState(() => calibrationPending(browserStorage()));

  useEffect(() => {
    if (boot.status !== 'ready') return;
    setProfile(boot.profile);
    if (boot.profile) setUiLangState(boot.profile.uiLang);
    setInterrupted(boot.interrupted);
    if (boot.storageError) setStorageProblem(boot.storageError);
  }, [boot]);

  useEffect(() => {
    document.documentElement.lang = uiLang;
    document.title = translate(uiLang, 'app.name');
  }, [uiLang]);

  const store = boot.status === 'ready' ? boot.store : null;
  // Team sync starts once the store is open, on the app's store (with no server configured: one read, no request).
  // A layout effect, so it runs before the header chip's first read of the configuration.
  const bootReady = boot.status === 'ready';
  useLayoutEffect(() => (bootReady ? startSync(store ?? undefined) : undefined), [bootReady, store]);
  // One for the app, so a delete made on a take's screen can be undone in History.
  const undoDelete = useMemo(() => (store ? new UndoDelete({
    commit: (takeId) => store.deleteTake(takeId),
    onError: (_takeId, e) => setStorageProblem(isStorageError(e) ? e.kind : 'unknown'),
  }) : null), [store]);
  // Pending deletes are dropped, not done, when the store goes: the takes stay (nothing is lost).
  useEffect(() => () => undoDelete?.dispose(), [undoDelete]);
  const current = profile ?? { ...defaultProfile(uiLang), uiLang };

  const saveProfile = useCallback(async (next: Profile) => {
    const saved = store ? await store.saveProfile(next) : next;
    setProfile(saved);
    setUiLangState(saved.uiLang);
  }, [store]);

  const reloadStored = useCallback(async () => {
    if (!store) return;
    const { profile: stored, interrupted: found } = await readStored(store);
    // The UI language stays as it is: an import keeps it, and after "delete all" the screen stays readable.
    setProfile(stored);
    setInterrupted(found);
    setRecovered(null);
  }, [store]);

  const setUiLang = useCallback((lang: UiLang) => {
    setUiLangState(lang);
    if (profile && store) {
      store.saveProfile({ ...profile, uiLang: lang }).then(setProfile, () => setStorageProblem('unknown'));
    }
  }, [profile, store]);

  const services = useMemo<AppServices>(() => ({
    uiLang,
    t: (key: MessageKey, params?: MessageParams) => translate(uiLang, key, params),
    store,
    profile: current,
    profileSaved: profile !== null,
    saveProfile,
    setUiLang,
    prefs,
    setPrefs: (next: Preferences) => {
      setPrefsState(next);
      savePreferences(browserStorage(), next);
    },
    navigate,
    reportStorageError: setStorageProblem,
    interrupted,
    dismissInterrupted: (takeId: string) => setInterrupted((list) => list.filter((i) => i.take.id !== takeId)),
    reloadStored,
    undoDelete,
  }), [uiLang, store, current, profile, saveProfile, setUiLang, prefs, navigate, interrupted, reloadStored, undoDelete]);

  const ready = boot.status === 'ready';
  const firstRun = ready && (onboarding ?? firstRunAtStart(boot.store !== null, boot.profile, pendingAtStart));
  // Start-up's first paint (docs/adr/0009-first-paint.md) gives way at once when no screen will take over from it.
  const noScreen = storageProblem !== null || firstRun || (ready && boot.store === null);
  useEffect(() => { if (noScreen) dismissFirstPaint(); }, [noScreen]);

  return (
    <AppContext.Provider value={services}>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {services.t('app.skipToContent')}
      </a>
      <Header route={route} showNav={ready && !firstRun} />
      {storageProblem && (
        <div className="banner banner-error" role="alert">{services.t(storageErrorMessage(storageProblem))}</div>
      )}
      {ready && !firstRun && interrupted.length > 0 && (
        <RecoveryBanner onAnalyse={(take) => { setRecovered(take); navigate({ screen: 'practice' }); }} />
      )}
      <main id="main" tabIndex={-1} className="main">
        {!ready && <p className="loading" role="status">{services.t('app.loading')}</p>}
        {firstRun && <FirstRun onFinish={() => { setOnboarding(false); setFocusScreenTitle(true); }} />}
        {ready && !firstRun && <Screen route={route} recovered={recovered} onRecoveredTaken={() => setRecovered(null)} />}
      </main>
      <footer className="footer">
        <p>{services.t('app.offline')}</p>
        <p className="version" data-build={__VOICEDRILL_BUILD_ID__}>
          {services.t('app.analysisVersion', { version: ANALYSIS_VERSION })} · {services.t('settings.version', { build: formatBuildId(uiLang, __VOICEDRILL_BUILD_ID__) })}
        </p>
      </footer>
      <UpdatePrompt uiLang={uiLang} />
    </AppContext.Provider>
  );
}
