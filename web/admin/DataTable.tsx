// The console's list tables: a wrap that scrolls sideways, a caption (for screen readers unless shown), the header
// row, one row per item headed by its first column, and the line said instead while loading or when empty.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18n.tsx';

export interface Column<T> {
  header: string;
  /** The header is said to screen readers only (e.g. a column of buttons named by their row). */
  hideHeader?: boolean;
  /** Numbers: header and cells aligned right. */
  num?: boolean;
  /** Class of this column's cells (e.g. `mono`). */
  className?: string;
  cell(row: T): ReactNode;
}

interface Props<T> {
  caption: string;
  showCaption?: boolean;
  columns: readonly Column<T>[];
  /** null while loading: a loading line, unless the load failed (the page shows that error). */
  rows: readonly T[] | null;
  failed?: boolean;
  /** Said instead of a table without rows; without it an empty list shows nothing. */
  empty?: string;
  rowKey(row: T): string;
  /** Attributes of a row, e.g. the `data-*` it is found by. */
  rowAttrs?(row: T): Record<string, string>;
  compact?: boolean;
  testId?: string;
}

export function DataTable<T>({
  caption,
  showCaption,
  columns,
  rows,
  failed,
  empty,
  rowKey,
  rowAttrs,
  compact,
  testId,
}: Props<T>) {
  const { t } = useI18n();
  if (rows === null) return failed ? null : <p aria-busy="true">{t('common.loading')}</p>;
  if (rows.length === 0) return empty ? <p className="muted">{empty}</p> : null;
  const cls = (c: Column<T>) => [c.num ? 'num' : '', c.className ?? ''].join(' ').trim() || undefined;
  return (
    <div className="table-wrap">
      <table className={compact ? 'table table-compact' : 'table'} data-testid={testId}>
        <caption className={showCaption ? undefined : 'sr-only'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.num ? 'num' : undefined}>
                {c.hideHeader ? <span className="sr-only">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowAttrs?.(row)}>
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.header} scope="row" className={cls(c)}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.header} className={cls(c)}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
