// Bank preview (admin): a snapshot's items one at a time in the candidate's own question component, read-only
// (no key, no weights: the API presents them as a candidate's form would), by category, a page at a time.
import { useState } from 'react';
import { examsApi, type Preview } from '../api/exams.ts';
import { QuestionPanel } from '../candidate/QuestionPanel.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { paths } from '../lib/router.ts';
import { StaffLayout } from './StaffLayout.tsx';
import { useStaff, useStaffQuery } from './useStaff.ts';

const PAGE = 20;
const noop = () => undefined;

export function BankPreviewPage({ bankId, snapshotId }: { bankId: string; snapshotId?: string }) {
  const { t } = useI18n();
  const { staff, handleAuthError, logout } = useStaff();
  const [category, setCategory] = useState('');
  const [offset, setOffset] = useState(0);
  const [at, setAt] = useState(0);
  const { data, error } = useStaffQuery(
    staff?.token ?? '',
    handleAuthError,
    (token): Promise<Preview> =>
      examsApi.preview(token, bankId, { snapshotId, category, offset, limit: PAGE }).then((r) => {
        setAt(0);
        return r;
      }),
    [bankId, snapshotId, category, offset],
  );

  if (!staff) return null;
  const item = data?.items[at];
  return (
    <StaffLayout staff={staff} onLogout={logout}>
      <p className="no-print">
        <a href={paths.adminBanks}>{t('admin.banks.back')}</a>
      </p>
      <div className="page-head">
        <PageTitle>{t('admin.banks.previewTitle', { bank: bankId })}</PageTitle>
      </div>
      <p className="muted small">{t('admin.banks.previewHelp')}</p>
      <ErrorAlert error={error} />
      {data && (
        <>
          <p>
            {t('admin.banks.snapshotLine', { id: data.snapshotId.slice(0, 16) })}{' '}
            {snapshotId === undefined && <span className="pill pill-ok">{t('admin.banks.current')}</span>}
          </p>
          <div className="preview-toolbar">
            <label htmlFor="preview-category">{t('admin.exams.field.category')}</label>
            <select
              id="preview-category"
              value={category}
              onChange={(e) => {
                setCategory(e.target.value);
                setOffset(0);
              }}
            >
              <option value="">{t('admin.banks.allCategories')}</option>
              {Object.entries(data.byCategory).map(([c, n]) => (
                <option key={c} value={c}>
                  {`${c} (${n})`}
                </option>
              ))}
            </select>
            <span className="muted small">
              {t('admin.banks.range', {
                from: data.total === 0 ? 0 : offset + 1,
                to: offset + data.items.length,
                total: data.total,
              })}
            </span>
            <button
              type="button"
              className="btn btn-small"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              {t('admin.banks.prevPage')}
            </button>
            <button
              type="button"
              className="btn btn-small"
              disabled={offset + PAGE >= data.total}
              onClick={() => setOffset(offset + PAGE)}
            >
              {t('admin.banks.nextPage')}
            </button>
          </div>
          <nav aria-label={t('admin.banks.itemsNav')} className="preview-nav">
            <ul className="preview-numbers">
              {data.items.map((i, k) => (
                <li key={i.itemId}>
                  <button
                    type="button"
                    className={k === at ? 'btn btn-small btn-primary' : 'btn btn-small'}
                    aria-current={k === at ? 'true' : undefined}
                    onClick={() => setAt(k)}
                  >
                    {i.number}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          {item && (
            <div className="preview-item" data-testid="preview-item">
              <p className="small muted">
                {t('admin.banks.itemMeta', { id: item.bankItemId, category: item.category, kind: item.kind })}
              </p>
              <QuestionPanel
                key={item.itemId}
                item={item}
                total={data.total}
                choice={null}
                flagged={false}
                locked
                onChoose={noop}
                onFlag={noop}
              />
            </div>
          )}
        </>
      )}
    </StaffLayout>
  );
}
