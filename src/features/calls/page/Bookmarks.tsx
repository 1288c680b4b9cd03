/** Bookmarks on moments: add at the playhead (B), a note each, play from one, remove one. */
import { memo, useState } from 'react';
import { formatClock, t, type UiLang } from '../../../i18n/index.ts';
import type { CallBookmark } from '../../../storage/call-records.ts';
import { BOOKMARK_NOTE_MAX_CHARS } from './bookmarks-model.ts';

/** Props of Bookmarks. */
export interface BookmarksProps {
  lang: UiLang;
  bookmarks: readonly CallBookmark[];
  timeSec: number;
  onAdd(): void;
  onNote(id: string, note: string): void;
  onRemove(id: string): void;
  onPlay(atSec: number): void;
}

function NoteField({ lang, b, onNote }: { lang: UiLang; b: CallBookmark; onNote(id: string, note: string): void }): React.JSX.Element {
  const [text, setText] = useState(b.note);
  const save = (): void => {
    if (text !== b.note) onNote(b.id, text);
  };
  return (
    <input
      type="text"
      className="call-bookmark-note"
      maxLength={BOOKMARK_NOTE_MAX_CHARS}
      aria-label={t(lang, 'call.bookmarks.note', { time: formatClock(b.atSec) })}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') save();
      }}
    />
  );
}

/** The bookmark list. */
export const Bookmarks = memo(function Bookmarks(p: BookmarksProps): React.JSX.Element {
  return (
    <section className="call-card call-bookmarks" aria-labelledby="call-bookmarks-title">
      <h3 id="call-bookmarks-title">{t(p.lang, 'call.bookmarks.title')}</h3>
      <button type="button" data-action="add-bookmark" onClick={p.onAdd}>{t(p.lang, 'call.bookmarks.add', { time: formatClock(p.timeSec) })}</button>
      {p.bookmarks.length === 0 ? <p className="muted">{t(p.lang, 'call.bookmarks.none')}</p> : (
        <ul className="call-bookmark-list" data-testid="call-bookmark-list">
          {p.bookmarks.map((b) => (
            <li key={b.id} data-at-sec={b.atSec}>
              <button type="button" className="call-time-button" aria-label={t(p.lang, 'call.bookmarks.play', { time: formatClock(b.atSec) })} onClick={() => p.onPlay(b.atSec)}>
                {formatClock(b.atSec)}
              </button>
              <NoteField lang={p.lang} b={b} onNote={p.onNote} />
              <button type="button" className="call-remove" aria-label={t(p.lang, 'call.bookmarks.remove', { time: formatClock(b.atSec) })} onClick={() => p.onRemove(b.id)}>×</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
