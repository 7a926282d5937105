// Public ranking page (no login): the signed ranking of an exam per formation, a search by pseudonym, and the
// pseudonym's inclusion proof checked in this browser (WebCrypto SHA-256) against the signed Merkle root.
import { type FormEvent, useEffect, useState } from 'react';
import type { ProofResponse, PublicationResponse } from '../../functions/schemas/public.ts';
import { publicApi } from '../api/public.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Layout, PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { useAction } from '../lib/useAction.ts';
import { checkProof } from './proof.ts';

type Found = { proof: ProofResponse; verified: boolean };

export function RankingPage({ publicationId }: { publicationId: string }) {
  const { t } = useI18n();
  const [pub, setPub] = useState<PublicationResponse | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const { busy, error, run } = useAction();

  useEffect(() => {
    publicApi.ranking(publicationId).then(setPub, setLoadError);
  }, [publicationId]);

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setFound(null);
    void run(async () => {
      if (!pub) return;
      const proof = await publicApi.proof(publicationId, query.trim().toLowerCase());
      const verified = await checkProof(proof, pub.document.merkle.root, pub.document.merkle.size);
      setFound({ proof, verified });
    });
  };

  const doc = pub?.document;
  const sectionIds = doc ? [...new Set(doc.rows.flatMap((r) => Object.keys(r.sections)))] : [];
  return (
    <Layout wide>
      <section className="card">
        <PageTitle>{t('ranking.title')}</PageTitle>
        <ErrorAlert error={loadError} />
        {!doc && !loadError && <p aria-busy="true">{t('common.loading')}</p>}
        {doc && (
          <>
            <p className="muted">{t('ranking.intro')}</p>
            <p className="small">
              {doc.title} · {t('ranking.version', { v: doc.version })} · {t('ranking.root')}{' '}
              <code className="mono" data-testid="merkle-root">
                {doc.merkle.root}
              </code>{' '}
              · {t('ranking.key')} <code className="mono">{pub.signature.keyId}</code>
            </p>
            {doc.final && (
              <p className="small" data-testid="final-note">
                {t('ranking.finalNote', {
                  skd: doc.final.skdWeight,
                  skb: doc.final.skbWeight,
                  max: doc.final.skdMax,
                  ties: doc.final.tieBreaks.join(', '),
                })}
              </p>
            )}
            <form onSubmit={onSearch} className="form" noValidate>
              <ErrorAlert error={error} />
              <label className="field">
                <span>{t('ranking.pseudonym')}</span>
                <input
                  name="pseudonym"
                  spellCheck={false}
                  autoComplete="off"
                  pattern="[0-9a-f]{16}"
                  maxLength={16}
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                />
              </label>
              <button type="submit" className="btn btn-primary" disabled={busy || query.trim().length !== 16}>
                {t('ranking.search')}
              </button>
            </form>
            {found && (
              <div
                role="status"
                className={found.verified ? 'alert alert-ok' : 'alert alert-error'}
                data-testid="proof-result"
              >
                <p>
                  <strong>{found.verified ? t('ranking.proofOk') : t('ranking.proofBad')}</strong>
                </p>
                <p className="small">
                  {t('ranking.row', {
                    p: found.proof.row.pseudonym,
                    f: found.proof.row.formationId,
                    total: found.proof.row.total,
                    rank: found.proof.row.rank ?? '–',
                  })}
                </p>
                <p className="small">
                  {t('ranking.proofDetail', {
                    i: found.proof.index + 1,
                    n: found.proof.size,
                    k: found.proof.path.length,
                  })}
                </p>
              </div>
            )}
            {doc.formations.map((f) => (
              <div key={f.id} className="table-wrap">
                <h2>{t('ranking.formation', { id: f.id, type: f.formationType, openings: f.openings })}</h2>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        {t('ranking.col.rank')}
                      </th>
                      <th scope="col">{t('ranking.col.pseudonym')}</th>
                      {sectionIds.map((s) => (
                        <th key={s} scope="col" className="num">
                          {s}
                        </th>
                      ))}
                      <th scope="col" className="num">
                        {t('ranking.col.total')}
                      </th>
                      {doc.final ? (
                        <>
                          <th scope="col" className="num">
                            SKB
                          </th>
                          <th scope="col" className="num">
                            {t('ranking.col.final')}
                          </th>
                          <th scope="col">{t('ranking.col.finalPass')}</th>
                        </>
                      ) : (
                        <>
                          <th scope="col">{t('ranking.col.passed')}</th>
                          <th scope="col">{t('ranking.col.advances')}</th>
                        </>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {doc.rows
                      .filter((r) => r.formationId === f.id)
                      .map((r) => (
                        <tr
                          key={r.pseudonym}
                          aria-current={found?.proof.row.pseudonym === r.pseudonym || undefined}
                        >
                          <td className="num">{r.rank ?? '–'}</td>
                          <td className="mono">{r.pseudonym}</td>
                          {sectionIds.map((s) => (
                            <td key={s} className="num">
                              {r.sections[s] ?? 0}
                            </td>
                          ))}
                          <td className="num">{r.total}</td>
                          {doc.final ? (
                            <>
                              <td className="num">{r.skb?.toFixed(3) ?? '–'}</td>
                              <td className="num">{r.final?.toFixed(3) ?? '–'}</td>
                              <td>{r.advances ? t('ranking.yes') : t('ranking.no')}</td>
                            </>
                          ) : (
                            <>
                              <td>{r.passed ? t('ranking.yes') : t('ranking.no')}</td>
                              <td>{r.advances ? t('ranking.yes') : t('ranking.no')}</td>
                            </>
                          )}
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            ))}
          </>
        )}
      </section>
    </Layout>
  );
}
