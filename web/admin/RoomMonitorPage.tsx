// The proctor's room monitor: every rostered candidate (absentees too), virtualized rows, sort and filter,
// per-candidate actions (one menu per row) and whole-room ones (pause / resume / extend with one reason),
// refreshed every 4 s. A refresh walks the room in registration-number order (pages whose store cost follows the page); sort, filter, search
// and the counts are computed here (domain/room-view.ts, the same view the server's sorted route applies).
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { roomView } from '../../functions/domain/room-view.ts';
import type { RoomRowView, RoomSortView, RoomStateView, SessionView } from '../../functions/schemas/staff.ts';
import { adminApi, type ProctorAction, type RoomBulkAction } from '../api/admin.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import type { StaffAuth } from '../lib/auth.ts';
import { paths } from '../lib/router.ts';
import { formatDuration } from '../lib/timing.ts';
import { useAction } from '../lib/useAction.ts';
import { formatTime } from './format.ts';
import { ACTION_LABEL, ProctorDialog } from './ProctorDialog.tsx';
import { RowActionsMenu } from './RowActionsMenu.tsx';
import { StaffLayout } from './StaffLayout.tsx';
import { useStaff } from './useStaff.ts';

/** Under the 5 s: a change on the server shows within one refresh plus the request time. */
export const ROOM_REFRESH_MS = 4_000;
/** Estimated row height before a row is measured (rows are one line: cells do not wrap). */
const ROW_HEIGHT = 45;
const STATES: RoomStateView[] = ['running', 'paused', 'ready', 'absent', 'submitted', 'expired'];
const SORTS: RoomSortView[] = ['regNo', 'name', 'state', 'remaining', 'answered', 'lastSave'];
/** The API's largest page; larger rooms are read page by page (each page costs the store what its rows cost). */
const PAGE = 1000;

export function RoomMonitorPage({ sessionId }: { sessionId: string }) {
  const { staff, handleAuthError, logout } = useStaff();
  return staff ? (
    <RoomMonitor staff={staff} sessionId={sessionId} onAuthError={handleAuthError} onLogout={logout} />
  ) : null;
}

interface Props {
  staff: StaffAuth;
  sessionId: string;
  onAuthError(err: unknown): boolean;
  onLogout(): void;
}

/** Which single-candidate actions make sense in which state. */
function actionsFor(row: RoomRowView): ProctorAction[] {
  switch (row.state) {
    case 'running':
      return ['pause', 'extend', 'reset-device', 'submit'];
    case 'paused':
      return ['resume', 'extend', 'submit'];
    default:
      return [];
  }
}

interface Snapshot {
  /** Every row of the room, as walked (regNo order). */
  all: RoomRowView[];
  serverTime: number;
  /** Local clock when the snapshot arrived (to age remaining time and last save between refreshes). */
  receivedAt: number;
}

type Target = { attempt: { attemptId: string; regNo: string }; action: ProctorAction; bulk: boolean };

function RoomMonitor({ staff, sessionId, onAuthError, onLogout }: Props) {
  const { t, lang } = useI18n();
  const [session, setSession] = useState<SessionView | null>(null);
  const [raw, setRaw] = useState<Snapshot | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [sort, setSort] = useState<RoomSortView>('regNo');
  const [stateFilter, setStateFilter] = useState<RoomStateView | ''>('');
  const [search, setSearch] = useState('');
  const [target, setTarget] = useState<Target | null>(null);
  const { busy, error: actionError, setError: setActionError, run } = useAction(onAuthError);
  const [now, setNow] = useState(() => Date.now());
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    inFlight.current?.abort();
    const ctrl = new AbortController();
    inFlight.current = ctrl;
    try {
      const first = await adminApi.roomPage(staff.token, sessionId, undefined, PAGE, ctrl.signal);
      const all = [...first.rows];
      for (let next = first.next; next !== null; ) {
        const page = await adminApi.roomPage(staff.token, sessionId, next, PAGE, ctrl.signal);
        all.push(...page.rows);
        next = page.next;
      }
      if (ctrl.signal.aborted) return;
      setRaw({ all, serverTime: first.serverTime, receivedAt: Date.now() });
      setError(null);
    } catch (err) {
      if (ctrl.signal.aborted) return;
      if (!onAuthError(err)) setError(err);
    }
  }, [staff.token, sessionId, onAuthError]);

  // Sort, filter and search apply at once to the rows already here (no request).
  const snap = useMemo(() => {
    if (!raw) return null;
    const view = roomView(raw.all, { sort, state: stateFilter || undefined, q: search.trim() || undefined });
    return { ...raw, rows: view.rows, total: view.rows.length, counts: view.counts };
  }, [raw, sort, stateFilter, search]);

  useEffect(() => {
    adminApi
      .sessions(staff.token)
      .then((r) => setSession(r.sessions.find((s) => s.id === sessionId) ?? null))
      .catch((err) => onAuthError(err));
  }, [staff.token, sessionId, onAuthError]);

  useEffect(() => {
    void load();
    const refresh = setInterval(() => void load(), ROOM_REFRESH_MS);
    return () => {
      clearInterval(refresh);
      inFlight.current?.abort();
    };
  }, [load]);

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(tick);
  }, []);

  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = snap?.rows ?? [];
  // A new sort, filter or search starts at the top of its list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect runs because these changed
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [sort, stateFilter, search]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const aged = snap ? now - snap.receivedAt : 0;
  const remaining = (r: RoomRowView) => {
    if (r.remainingMs === null) return '—';
    return formatDuration(Math.max(0, r.state === 'running' ? r.remainingMs - aged : r.remainingMs));
  };
  const lastSave = (r: RoomRowView) => {
    if (r.lastSaveAt === null || !snap) return '—';
    const seconds = Math.max(0, Math.round((snap.serverTime + aged - r.lastSaveAt) / 1000));
    return t('admin.room.secondsAgo', { n: seconds });
  };
  const bulkCount = (action: RoomBulkAction) =>
    snap
      ? action === 'pause'
        ? snap.counts.running
        : action === 'resume'
          ? snap.counts.paused
          : snap.counts.running + snap.counts.paused
      : 0;

  async function confirm(reason: string, minutes: number | undefined) {
    if (!target) return;
    const { action, attempt, bulk } = target;
    await run(async () => {
      if (bulk) {
        const res = await adminApi.roomAction(
          staff.token,
          sessionId,
          action as RoomBulkAction,
          reason,
          minutes,
        );
        await load();
        setNotice(
          t('admin.room.bulkDone', {
            action: t(ACTION_LABEL[action]),
            n: res.applied.length,
            failed: res.failed.length,
          }),
        );
      } else {
        await adminApi.proctor(staff.token, attempt.attemptId, action, reason, minutes);
        await load();
        setNotice(t('admin.action.done', { action: t(ACTION_LABEL[action]), regNo: attempt.regNo }));
      }
      setTarget(null);
    });
  }

  const onRowAction = useCallback(
    (row: RoomRowView, action: ProctorAction) => {
      setActionError(null);
      setTarget({ attempt: row, action, bulk: false });
    },
    [setActionError],
  );

  const openBulk = (action: RoomBulkAction) => {
    setActionError(null);
    setTarget({
      attempt: { attemptId: '', regNo: t('admin.room.wholeRoom', { n: bulkCount(action) }) },
      action,
      bulk: true,
    });
  };

  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <StaffLayout staff={staff} onLogout={onLogout} full>
      <p className="small">
        <a href={paths.adminSessions}>← {t('admin.sessions.title')}</a>
      </p>
      <div className="page-head">
        <PageTitle>{t('admin.room.title', { title: session?.title ?? sessionId })}</PageTitle>
        <div className="page-head-actions">
          {snap && (
            <span className="small muted" aria-live="off">
              {t('admin.attempts.updated', { time: formatTime(snap.serverTime, lang) })}
            </span>
          )}
          <button type="button" className="btn" onClick={() => void load()}>
            {t('common.refresh')}
          </button>
        </div>
      </div>
      <ErrorAlert error={error} />
      {notice && (
        <output className="alert alert-ok" aria-live="polite">
          {notice}
        </output>
      )}
      {snap && (
        <ul className="room-counts" aria-label={t('admin.room.counts')} data-testid="room-counts">
          {STATES.map((s) => (
            <li key={s}>
              <span className={`pill pill-${s}`}>{t(`room.state.${s}`)}</span>{' '}
              <span className="mono" data-state={s}>
                {snap.counts[s]}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="room-tools">
        <label className="field field-inline">
          <span>{t('admin.room.search')}</span>
          <input
            type="search"
            data-testid="room-search"
            value={search}
            maxLength={64}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <label className="field field-inline">
          <span>{t('admin.room.filter')}</span>
          <select
            data-testid="room-filter"
            value={stateFilter}
            onChange={(e) => setStateFilter(e.target.value as RoomStateView | '')}
          >
            <option value="">{t('admin.room.all')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`room.state.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-inline">
          <span>{t('admin.room.sort')}</span>
          <select
            data-testid="room-sort"
            value={sort}
            onChange={(e) => setSort(e.target.value as RoomSortView)}
          >
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`admin.room.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="actions room-bulk">
          <legend className="sr-only">{t('admin.room.bulk')}</legend>
          {(['pause', 'resume', 'extend'] as const).map((a) => (
            <button
              key={a}
              type="button"
              className="btn btn-small"
              disabled={bulkCount(a) === 0}
              onClick={() => openBulk(a)}
            >
              {t(`admin.room.bulk.${a}`, { n: bulkCount(a) })}
            </button>
          ))}
        </fieldset>
      </div>
      {snap === null && !error && <p aria-busy="true">{t('common.loading')}</p>}
      {snap && rows.length === 0 && <p className="muted">{t('admin.room.empty')}</p>}
      {snap && rows.length > 0 && (
        <div className="table-wrap room-scroll" ref={scrollRef} data-testid="room-scroll">
          <table className="table room-table" data-testid="room" aria-rowcount={snap.total + 1}>
            <caption className="sr-only">
              {t('admin.room.caption', { shown: rows.length, total: snap.total })}
            </caption>
            <thead>
              <tr aria-rowindex={1}>
                <th scope="col">{t('admin.attempts.col.regNo')}</th>
                <th scope="col">{t('admin.room.col.name')}</th>
                <th scope="col">{t('admin.attempts.col.state')}</th>
                <th scope="col" className="num" title={t('admin.room.col.progressHint')}>
                  {t('admin.room.col.answered')}
                </th>
                <th scope="col" className="num">
                  {t('admin.attempts.col.remaining')}
                </th>
                <th scope="col" className="num" title={t('admin.room.col.progressHint')}>
                  {t('admin.room.col.lastSave')}
                </th>
                <th scope="col" className="num">
                  {t('admin.room.col.devices')}
                </th>
                <th scope="col">{t('admin.attempts.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {padTop > 0 && (
                <tr className="room-pad">
                  <td colSpan={8} style={{ height: padTop }} />
                </tr>
              )}
              {items.map((v) => {
                const r = rows[v.index] as RoomRowView;
                return (
                  <RoomRow
                    key={r.regNo}
                    row={r}
                    index={v.index}
                    measure={virtualizer.measureElement}
                    remaining={remaining(r)}
                    lastSave={lastSave(r)}
                    onAction={onRowAction}
                  />
                );
              })}
              {padBottom > 0 && (
                <tr className="room-pad">
                  <td colSpan={8} style={{ height: padBottom }} />
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      <ProctorDialog
        key={target ? `${target.attempt.attemptId}:${target.action}:${target.bulk}` : 'closed'}
        target={target}
        busy={busy}
        error={actionError}
        onConfirm={confirm}
        onClose={() => setTarget(null)}
      />
    </StaffLayout>
  );
}

interface RowProps {
  row: RoomRowView;
  index: number;
  measure(el: Element | null): void;
  remaining: string;
  lastSave: string;
  onAction(row: RoomRowView, action: ProctorAction): void;
}

/** One candidate's row; memoized so a scroll renders only the rows that come into view. */
const RoomRow = memo(function RoomRow({ row: r, index, measure, remaining, lastSave, onAction }: RowProps) {
  const { t } = useI18n();
  return (
    <tr ref={measure} data-index={index} data-regno={r.regNo} data-state={r.state} aria-rowindex={index + 2}>
      <th scope="row" className="mono">
        {r.regNo}
      </th>
      <td className="room-name">{r.name}</td>
      <td>
        <span className={`pill pill-${r.state}`}>{t(`room.state.${r.state}`)}</span>
      </td>
      <td className="num mono" data-testid="answered">
        {r.answered ?? '—'}
      </td>
      <td className="num mono">{remaining}</td>
      <td className="num mono">{lastSave}</td>
      <td className="num">
        {r.deviceChanges > 0 ? (
          <span className="pill" title={t('admin.device.changed')}>
            {t('admin.device.changes', { n: r.deviceChanges })}
          </span>
        ) : (
          '0'
        )}
        {r.handoverOpen ? <span className="pill pill-paused">{t('admin.device.waiting')}</span> : null}
      </td>
      <td>
        <RowActionsMenu
          text={t('admin.room.actions')}
          label={t('admin.room.actionsFor', { regNo: r.regNo })}
          actions={actionsFor(r).map((a) => ({ id: a, label: t(ACTION_LABEL[a]), danger: a === 'submit' }))}
          onPick={(a) => onAction(r, a)}
        />
      </td>
    </tr>
  );
});
