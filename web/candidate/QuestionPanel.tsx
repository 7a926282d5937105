// One question: stem, options as a native radio group labeled A–E in displayed order, flag and clear.
import type { PublicItem } from '../../functions/schemas/candidate.ts';
import { Markdown } from '../components/Markdown.tsx';
import { useI18n } from '../i18n/I18n.tsx';

interface Props {
  item: PublicItem;
  total: number;
  choice: string | null;
  flagged: boolean;
  locked: boolean;
  onChoose(choice: string | null): void;
  onFlag(flagged: boolean): void;
}

const LETTERS = 'ABCDEFGHIJ';
const LIKERT = ['1', '2', '3', '4', '5'] as const;

export function QuestionPanel({ item, total, choice, flagged, locked, onChoose, onFlag }: Props) {
  const { t } = useI18n();
  const options =
    item.options.length > 0
      ? item.options.map((o) => ({ id: o.id, text: o.text, image: o.image }))
      : item.kind === 'likert'
        ? LIKERT.map((v) => ({ id: v, text: t(`exam.likert.${v}`), image: undefined }))
        : [];
  const headingId = `q-${item.itemId}-heading`;
  return (
    <article className="question" aria-labelledby={headingId}>
      <div className="question-head">
        <h2 id={headingId} className="question-number">
          {t('exam.question', { n: item.number, total })}
        </h2>
        <label className={flagged ? 'flag-toggle on' : 'flag-toggle'}>
          <input
            type="checkbox"
            checked={flagged}
            disabled={locked}
            onChange={(e) => onFlag(e.target.checked)}
            data-testid="flag-toggle"
          />
          <span>{t('exam.flag')}</span>
        </label>
      </div>
      <div className="question-stem">
        <Markdown text={item.stem} />
        {item.image && <img src={item.image} alt="" className="question-image" />}
      </div>
      {options.length === 0 ? (
        <p className="muted">{t('exam.unsupported')}</p>
      ) : (
        <fieldset className="options" disabled={locked}>
          <legend className="sr-only">{t('exam.options')}</legend>
          {options.map((o, i) => {
            const letter = LETTERS[i] ?? String(i + 1);
            const checked = choice === o.id;
            return (
              <label key={o.id} className={checked ? 'option selected' : 'option'}>
                <input
                  type="radio"
                  name={`item-${item.itemId}`}
                  value={o.id}
                  checked={checked}
                  onChange={() => onChoose(o.id)}
                />
                <span className="option-letter" aria-hidden="true">
                  {letter}
                </span>
                <span className="sr-only">{letter}.</span>
                <span className="option-text">
                  <Markdown text={o.text} />
                  {o.image && <img src={o.image} alt="" className="option-image" />}
                </span>
              </label>
            );
          })}
        </fieldset>
      )}
      {choice !== null && choice !== undefined && !locked && (
        <button type="button" className="btn btn-link" onClick={() => onChoose(null)}>
          {t('exam.clear')}
        </button>
      )}
    </article>
  );
}
