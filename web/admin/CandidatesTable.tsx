// The candidates in force (the last import), a page at a time, with the import they came from.
import { useState } from 'react';
import { type CandidateRow, consoleApi } from '../api/console.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { formatDateTime } from './format.ts';
import { useStaffQuery } from './useStaff.ts';

const PAGE = 50;
type Page = Awaited<ReturnType<typeof consoleApi.candidates>>;

export function CandidatesTable({
  token,
  version,
  onAuthError,
}: {
  token: string;
  version: number;
  onAuthError(err: unknown): boolean;
}) {
  const { t, lang } = useI18n();
  // The page shown is named by an opaque cursor from the API (undefined = the first page). A cursor belongs to
  // the import it was read under: after a new import (version) the list starts again at the first page.
  const [at, setAt] = useState<{ cursor?: string; version: number }>({ version });
  const cursor = at.version === version ? at.cursor : undefined;
  const setCursor = (c: string | null) => setAt({ version, ...(c === null ? {} : { cursor: c }) });
  const { data: page, error } = useStaffQuery(
    token,
    onAuthError,
    (tok): Promise<Page> => {
      void version;
      return consoleApi.candidates(tok, cursor, PAGE);
    },
    [cursor, version],
  );

  const rows: CandidateRow[] = page?.candidates ?? [];
  return (
    <section className="card" aria-labelledby="candidates-list">
      <h2 id="candidates-list">{t('admin.candidates.title', { n: page?.total ?? '…' })}</h2>
      {page?.import && (
        <p className="small muted">
          {t('admin.candidates.import', {
            id: page.import.importId.slice(0, 12),
            at: formatDateTime(page.import.at, lang),
            by: page.import.by,
          })}
        </p>
      )}
      <ErrorAlert error={error} />
      {page === null && !error && <p aria-busy="true">{t('common.loading')}</p>}
      {page && page.total === 0 && <p className="muted">{t('admin.candidates.empty')}</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table table-compact" data-testid="candidates">
            <thead>
              <tr>
                <th scope="col">{t('admin.roster.col.regNo')}</th>
                <th scope="col">{t('admin.roster.col.name')}</th>
                <th scope="col">{t('admin.candidates.col.birth')}</th>
                <th scope="col">{t('admin.roster.col.formation')}</th>
                <th scope="col">{t('admin.candidates.col.education')}</th>
                <th scope="col" className="num">
                  {t('admin.roster.col.extra')}
                </th>
                <th scope="col">{t('admin.candidates.col.session')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.regNo}>
                  <th scope="row" className="mono">
                    {c.regNo}
                  </th>
                  <td>{c.name}</td>
                  <td>{c.birthDate}</td>
                  <td>
                    {c.formationId} <span className="small muted">({c.formationType})</span>
                  </td>
                  <td>{c.education}</td>
                  <td className="num">{c.extraMinutes}</td>
                  <td className="mono">{c.sessionId ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && page.total > PAGE && (
        <nav className="pager" aria-label={t('admin.candidates.pager')}>
          <button
            type="button"
            className="btn btn-small"
            disabled={page.prev === null}
            onClick={() => setCursor(page.prev)}
          >
            {t('admin.candidates.prev')}
          </button>
          <span>
            {t('admin.candidates.range', {
              from: page.offset + 1,
              to: page.offset + rows.length,
              total: page.total,
            })}
          </span>
          <button
            type="button"
            className="btn btn-small"
            disabled={page.next === null}
            onClick={() => setCursor(page.next)}
          >
            {t('admin.candidates.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
