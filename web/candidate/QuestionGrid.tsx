// Question grid of the current section: answered / flagged (ragu-ragu) / current, each a jump button.
import type { PublicItem } from '../../functions/schemas/candidate.ts';
import { useI18n } from '../i18n/I18n.tsx';

interface Props {
  items: PublicItem[];
  currentId: string;
  answers: Record<string, string | null>;
  flags: Set<string>;
  onJump(itemId: string): void;
}

export function QuestionGrid({ items, currentId, answers, flags, onJump }: Props) {
  const { t } = useI18n();
  return (
    <nav className="grid-nav" aria-label={t('exam.grid')}>
      <h2 className="grid-title">{t('exam.grid')}</h2>
      <ol className="qgrid">
        {items.map((item) => {
          const answered = answers[item.itemId] != null;
          const flagged = flags.has(item.itemId);
          const current = item.itemId === currentId;
          const cls = ['qcell', answered && 'answered', flagged && 'flagged', current && 'current']
            .filter(Boolean)
            .join(' ');
          const label = [
            t('exam.grid.item', { n: item.number }),
            t(answered ? 'exam.grid.answered' : 'exam.grid.unanswered'),
            flagged ? t('exam.grid.flagged') : null,
          ]
            .filter(Boolean)
            .join(', ');
          return (
            <li key={item.itemId}>
              <button
                type="button"
                className={cls}
                aria-label={label}
                aria-current={current ? 'step' : undefined}
                onClick={() => onJump(item.itemId)}
              >
                {item.number}
              </button>
            </li>
          );
        })}
      </ol>
      <ul className="legend">
        <li>
          <span className="qcell answered sample" aria-hidden="true" />
          {t('exam.legend.answered')}
        </li>
        <li>
          <span className="qcell sample" aria-hidden="true" />
          {t('exam.legend.unanswered')}
        </li>
        <li>
          <span className="qcell flagged sample" aria-hidden="true" />
          {t('exam.legend.flagged')}
        </li>
        <li>
          <span className="qcell current sample" aria-hidden="true" />
          {t('exam.legend.current')}
        </li>
      </ul>
    </nav>
  );
}
