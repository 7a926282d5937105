// Start screen: who, rules, duration, items per section, the keyboard shortcuts and one practice item.
import type { AttemptBrief } from '../../functions/schemas/candidate.ts';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { PracticeItem } from './PracticeItem.tsx';

interface Props {
  name: string;
  brief: AttemptBrief | null;
  starting: boolean;
  onStart(): void;
}

const RULES = ['exam.start.rule1', 'exam.start.rule2', 'exam.start.rule3', 'exam.start.rule4'] as const;
const SHORTCUTS = [
  'exam.shortcuts.answer',
  'exam.shortcuts.nav',
  'exam.shortcuts.flag',
  'exam.shortcuts.grid',
] as const;

export function StartScreen({ name, brief, starting, onStart }: Props) {
  const { t } = useI18n();
  const total = brief?.exam.sections.reduce((n, s) => n + s.count, 0) ?? 0;
  return (
    <section className="card start" data-testid="start-screen">
      <PageTitle>{t('exam.start.title')}</PageTitle>
      <p>
        {t('exam.participant')}: <strong>{name}</strong>
        {brief && (
          <>
            {' · '}
            <span className="mono">{brief.regNo}</span>
            {' · '}
            {brief.sessionTitle}
          </>
        )}
      </p>
      {brief && (
        <div className="start-facts">
          <p className="start-duration" data-testid="duration">
            <strong>{brief.exam.title}</strong>
            <br />
            {t('exam.start.duration', { minutes: brief.exam.durationMinutes })}
          </p>
          <table className="table table-compact">
            <caption className="sr-only">{t('exam.start.sections')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('result.section')}</th>
                <th scope="col" className="num">
                  {t('exam.start.sections')}
                </th>
              </tr>
            </thead>
            <tbody>
              {brief.exam.sections.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.title}</th>
                  <td className="num">{t('exam.start.sectionCount', { n: s.count })}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('exam.start.total')}</th>
                <td className="num">{t('exam.start.sectionCount', { n: total })}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <h2 className="start-h2">{t('exam.start.rules')}</h2>
      <ol className="start-rules">
        {RULES.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ol>
      <h2 className="start-h2">{t('exam.shortcuts.title')}</h2>
      <ul className="shortcuts" data-testid="shortcuts">
        {SHORTCUTS.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
      <PracticeItem />
      <p className="muted">{t('exam.start.body')}</p>
      <button type="button" className="btn btn-primary btn-block" onClick={onStart} disabled={starting}>
        {t('exam.start.button')}
      </button>
    </section>
  );
}
