/** The header: brand, main navigation (links, aria-current), the team sync chip (only with a server) and the UI language switch. */
import type { UiLang } from '../i18n/index.ts';
import { useApp } from '../services/app-context.ts';
import { navScreens, navScreenOf, routeHref, type Route } from '../services/routes.ts';
import { SyncChip } from '../features/team/components.ts';

const LANG_NAMES: Record<UiLang, string> = { 'zh-CN': '中文', en: 'English' };

/** The app header. */
export function Header({ route, showNav }: { route: Route; showNav: boolean }): React.JSX.Element {
  const { t, uiLang, setUiLang, prefs } = useApp();
  const current = navScreenOf(route);
  return (
    <header className="topbar">
      <div className="brand">
        <h1>VoiceDrill</h1>
        <p className="tagline">{t('app.tagline')}</p>
      </div>
      {showNav && (
        <nav aria-label={t('app.nav')} className="nav">
          <ul>
            {navScreens(prefs.trainerMode).map((screen) => (
              <li key={screen}>
                <a href={routeHref({ screen })} aria-current={current === screen ? 'page' : undefined} data-nav={screen}>
                  {t(`nav.${screen}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {showNav && <SyncChip />}
      <label className="lang-switch">
        <span>{t('app.language')}</span>
        <select value={uiLang} onChange={(e) => setUiLang(e.target.value as UiLang)} data-testid="ui-lang">
          {(Object.keys(LANG_NAMES) as UiLang[]).map((lang) => (
            <option key={lang} value={lang} lang={lang}>{LANG_NAMES[lang]}</option>
          ))}
        </select>
      </label>
    </header>
  );
}
