// The rows an all-or-nothing import was refused for, each with its line, column and message (the candidate and
// formation imports, the SKB score import), or with its row and message (the item bank import).
import type { ImportRefused } from '../api/admin-io.ts';
import { useI18n } from '../i18n/I18n.tsx';

/** At most this many rows are listed; the rest are counted below the table. */
const SHOWN_PROBLEMS = 500;

export function ImportProblems({
  problems,
  testId,
  unit = 'line',
}: {
  problems: ImportRefused['problems'];
  testId: string;
  /** 'row': the bank import counts rows (its problems name no column). */
  unit?: 'line' | 'row';
}) {
  const { t } = useI18n();
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="table-wrap">
      <h3>{t('admin.registry.problems', { n: problems.length })}</h3>
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t(unit === 'row' ? 'admin.banks.col.row' : 'admin.registry.col.line')}
            </th>
            {unit === 'line' && <th scope="col">{t('admin.registry.col.column')}</th>}
            <th scope="col">{t('admin.registry.col.message')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, SHOWN_PROBLEMS).map((p) => (
            <tr key={`${p.line}-${p.column ?? ''}-${p.message}`}>
              <td className="num">{p.line}</td>
              {unit === 'line' && <td className="mono">{p.column ?? ''}</td>}
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > SHOWN_PROBLEMS && (
        <p className="small muted">
          {t('admin.registry.moreProblems', { n: problems.length - SHOWN_PROBLEMS })}
        </p>
      )}
    </div>
  );
}
