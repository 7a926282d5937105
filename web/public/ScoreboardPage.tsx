// Live public scoreboard of a session (no login): each finished attempt by pseudonym with its section scores and
// pass/fail, refreshed every few seconds (the API answer is cacheable for as long).
import { useEffect, useState } from 'react';
import type { ScoreboardResponse } from '../../functions/schemas/public.ts';
import { publicApi } from '../api/public.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Layout, PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';

const REFRESH_MS = 5_000;

export function ScoreboardPage({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const [board, setBoard] = useState<ScoreboardResponse | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let stopped = false;
    const load = () =>
      publicApi.scoreboard(sessionId).then(
        (b) => {
          if (stopped) return;
          setBoard(b);
          setError(null);
        },
        (e) => !stopped && setError(e),
      );
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [sessionId]);

  return (
    <Layout wide>
      <section className="card">
        <PageTitle>{t('scoreboard.title')}</PageTitle>
        <ErrorAlert error={error} />
        {!board && !error && <p aria-busy="true">{t('common.loading')}</p>}
        {board && (
          <>
            <p className="muted">{t('scoreboard.intro', { title: board.title, n: board.rows.length })}</p>
            <div className="table-wrap">
              <table className="table" data-testid="scoreboard">
                <thead>
                  <tr>
                    <th scope="col">{t('ranking.col.pseudonym')}</th>
                    {board.sectionIds.map((s) => (
                      <th key={s} scope="col" className="num">
                        {s}
                      </th>
                    ))}
                    <th scope="col" className="num">
                      {t('ranking.col.total')}
                    </th>
                    <th scope="col">{t('ranking.col.passed')}</th>
                  </tr>
                </thead>
                <tbody aria-live="polite">
                  {board.rows.map((r) => (
                    <tr key={r.pseudonym}>
                      <td className="mono">{r.pseudonym}</td>
                      {board.sectionIds.map((s) => (
                        <td key={s} className="num">
                          {r.sections[s] ?? 0}
                        </td>
                      ))}
                      <td className="num">{r.total}</td>
                      <td>{r.passed === null ? '–' : r.passed ? t('ranking.yes') : t('ranking.no')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </Layout>
  );
}
