// The candidates in force (the last import), a page at a time, with the import they came from.
import { useState } from 'react';
import { type CandidateRow, consoleApi } from '../api/console.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { DataTable } from './DataTable.tsx';
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
      <DataTable
        caption={t('admin.candidates.title', { n: page?.total ?? '…' })}
        compact
        testId="candidates"
        rows={page?.candidates ?? null}
        failed={error !== null}
        empty={t('admin.candidates.empty')}
        rowKey={(c) => c.regNo}
        columns={[
          { header: t('admin.roster.col.regNo'), className: 'mono', cell: (c) => c.regNo },
          { header: t('admin.roster.col.name'), cell: (c) => c.name },
          { header: t('admin.candidates.col.birth'), cell: (c) => c.birthDate },
          {
            header: t('admin.roster.col.formation'),
            cell: (c) => (
              <>
                {c.formationId} <span className="small muted">({c.formationType})</span>
              </>
            ),
          },
          { header: t('admin.candidates.col.education'), cell: (c) => c.education },
          { header: t('admin.roster.col.extra'), num: true, cell: (c) => c.extraMinutes },
          { header: t('admin.candidates.col.session'), className: 'mono', cell: (c) => c.sessionId ?? '—' },
        ]}
      />
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
