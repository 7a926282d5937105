// The console's list tables: a wrap that scrolls sideways, a caption (for screen readers unless shown), the header
// row, one row per item headed by one of its cells, and the line said instead while loading or when empty.
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
  /** Which column heads its row (th scope="row"): the first unless said. */
  rowHeader?: number;
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
  rowHeader = 0,
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
            {columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for a render; headers may repeat
              <th key={i} scope="col" className={c.num ? 'num' : undefined}>
                {c.hideHeader ? <span className="sr-only">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowAttrs?.(row)}>
              {columns.map((c, i) =>
                i === rowHeader ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: as above
                  <th key={i} scope="row" className={cls(c)}>
                    {c.cell(row)}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: as above
                  <td key={i} className={cls(c)}>
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
