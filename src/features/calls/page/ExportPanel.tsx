/** Print the one-page report; download the report as JSON (reflection only if ticked) or the findings as CSV. */
import { useState } from 'react';
import { t, type UiLang } from '../../../i18n/index.ts';
import type { CallRecord } from '../../../storage/call-records.ts';
import { useDownloads } from '../../../ui/use-downloads.ts';
import { callReportJson, exportFileName, findingsCsv } from './export-model.ts';

/** Props of ExportPanel. */
export interface ExportPanelProps {
  lang: UiLang;
  /** The call with the page's current bookmarks and reflection. */
  call: CallRecord;
}

/** The export buttons. */
export function ExportPanel({ lang, call }: ExportPanelProps): React.JSX.Element {
  const [withReflection, setWithReflection] = useState(false);
  const download = useDownloads();
  return (
    <section className="call-card call-export" aria-labelledby="call-export-title">
      <h3 id="call-export-title">{t(lang, 'call.export.title')}</h3>
      <div className="call-buttons">
        <button type="button" data-action="print-report" onClick={() => window.print()}>{t(lang, 'call.print')}</button>
        <button type="button" data-action="export-json" onClick={() => download(new Blob([callReportJson(call, withReflection)], { type: 'application/json' }), exportFileName(call.fileName, 'json'))}>
          {t(lang, 'call.export.json')}
        </button>
        <button type="button" data-action="export-csv" onClick={() => download(new Blob([findingsCsv(call, lang)], { type: 'text/csv;charset=utf-8' }), exportFileName(call.fileName, 'csv'))}>
          {t(lang, 'call.export.csv')}
        </button>
      </div>
      <label className="call-check">
        <input type="checkbox" name="include-reflection" checked={withReflection} onChange={(e) => setWithReflection(e.target.checked)} />
        {t(lang, 'call.export.includeReflection')}
      </label>
      <p className="muted">{t(lang, 'call.export.private')}</p>
    </section>
  );
}
