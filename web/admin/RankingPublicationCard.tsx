// An exam's SKD ranking publication on its console page (its state line also serves the SKB page's final): the latest version, whether it still states the
// results (a regrade or a later finish makes it stale), and the button that publishes the current ranking.
import { useState } from 'react';
import { examsApi, type PublicationStatus } from '../api/exams.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { paths } from '../lib/router.ts';
import { useAction } from '../lib/useAction.ts';
import { formatDateTime } from './format.ts';
import { useStaffQuery } from './useStaff.ts';

export function RankingPublicationCard({
  examId,
  token,
  onAuthError,
}: {
  examId: string;
  token: string;
  onAuthError: (err: unknown) => boolean;
}) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  const { data, error, reload } = useStaffQuery(
    token,
    onAuthError,
    (tok) => examsApi.rankingStatus(tok, examId),
    [examId],
  );
  const action = useAction(onAuthError);
  const status = data?.status;

  const publish = () =>
    action.run(async () => {
      setNotice(null);
      const { publication } = await examsApi.publishRanking(token, examId);
      setNotice(publishedNotice(t, publication));
      reload();
    });

  return (
    <section className="card" aria-labelledby="ranking-publication" data-testid="ranking-publication">
      <h2 id="ranking-publication">{t('admin.ranking.title')}</h2>
      <ErrorAlert error={error ?? action.error} />
      {status && (
        <>
          <PublicationStateLine status={status} />
          <div className="actions">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void publish()}
              disabled={action.busy || status.upToDate || status.rows === 0}
            >
              {status.latest ? t('admin.ranking.republish') : t('admin.ranking.publish')}
            </button>
          </div>
        </>
      )}
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
    </section>
  );
}

/** A publication's state: matches the results / stale / none, its latest version with a link, the Merkle root. */
export function PublicationStateLine({ status }: { status: PublicationStatus }) {
  const { t, lang } = useI18n();
  const state = status.upToDate
    ? { cls: 'pill pill-ok', text: t('admin.ranking.current') }
    : status.latest
      ? { cls: 'pill pill-expired', text: t('admin.ranking.stale') }
      : { cls: 'pill', text: t('admin.ranking.none') };
  return (
    <>
      <p>
        <span className={state.cls} data-testid="ranking-state">
          {state.text}
        </span>{' '}
        {status.latest ? (
          <>
            {t('admin.ranking.latest', {
              v: status.latest.version,
              at: formatDateTime(status.latest.publishedAt, lang),
              n: status.latest.size,
            })}{' '}
            <a href={paths.ranking(status.publicationId)}>{t('admin.ranking.view')}</a>
          </>
        ) : null}
      </p>
      {status.latest && (
        <p className="small muted">
          {t('admin.ranking.root')} <span className="mono">{status.latest.root}</span>
        </p>
      )}
      {!status.upToDate && <p className="small">{t('admin.ranking.ready', { n: status.rows })}</p>}
    </>
  );
}

/** What a publish answered: a new version, or the latest one standing because nothing changed. */
export const publishedNotice = (
  t: ReturnType<typeof useI18n>['t'],
  publication: { version: number; created: boolean },
): string =>
  t(publication.created ? 'admin.ranking.published' : 'admin.ranking.publishedSame', {
    v: publication.version,
  });
