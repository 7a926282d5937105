// Question grid of the whole form (BKN CAT style): every item of every section with the chosen letter;
// answered / unsure / unanswered differ in colour and shape; one tab stop, arrow keys move inside.
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { PublicForm } from '../../functions/schemas/candidate.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { choiceLetter } from './letters.ts';
import { nextCell } from './roving.ts';

interface Props {
  sections: PublicForm['sections'];
  items: PublicForm['items'];
  currentId: string;
  answers: Record<string, string | null>;
  flags: Set<string>;
  onJump(itemId: string): void;
}

export function QuestionGrid({ sections, items, currentId, answers, flags, onJump }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  // The one cell in the tab order: the current question, or where the arrow keys moved to.
  const [active, setActive] = useState(currentId);
  useEffect(() => setActive(currentId), [currentId]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const cells = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button.qcell') ?? [])];
    const from = cells.indexOf(document.activeElement as HTMLButtonElement);
    if (from < 0) return;
    const rects = cells.map((c) => c.getBoundingClientRect());
    const to = nextCell(
      e.key,
      from,
      rects.map((r) => ({ x: r.left, y: r.top })),
    );
    if (to === null) return;
    e.preventDefault();
    e.stopPropagation();
    const cell = cells[to];
    if (!cell) return;
    setActive(cell.dataset.item ?? currentId);
    cell.focus();
  }

  return (
    <nav className="grid-nav" aria-label={t('exam.grid')}>
      <h2 className="grid-title">{t('exam.grid')}</h2>
      <p className="sr-only" id="grid-hint">
        {t('exam.grid.hint')}
      </p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: key handling for the roving focus of the buttons inside */}
      <div className="qgrid-scroll" ref={ref} onKeyDown={onKeyDown}>
        {sections.map((s) => (
          <div key={s.id} className="qgrid-section">
            <h3 className="qgrid-section-title">{s.title}</h3>
            <ol className="qgrid">
              {items
                .filter((item) => item.sectionId === s.id)
                .map((item) => {
                  const choice = answers[item.itemId] ?? null;
                  const answered = choice !== null;
                  const flagged = flags.has(item.itemId);
                  const current = item.itemId === currentId;
                  const letter = answered ? choiceLetter(item, choice) : '';
                  const cls = ['qcell', answered && 'answered', flagged && 'flagged', current && 'current']
                    .filter(Boolean)
                    .join(' ');
                  return (
                    <li key={item.itemId}>
                      <button
                        type="button"
                        className={cls}
                        aria-describedby={current ? 'grid-hint' : undefined}
                        aria-label={[
                          t('exam.grid.item', { n: item.number }),
                          answered ? `${t('exam.grid.answered')} ${letter}` : t('exam.grid.unanswered'),
                          flagged ? t('exam.grid.flagged') : null,
                        ]
                          .filter(Boolean)
                          .join(', ')}
                        // The chosen letter is drawn by CSS from data-letter; the label says it in words.
                        data-letter={letter}
                        aria-current={current ? 'step' : undefined}
                        tabIndex={item.itemId === active ? 0 : -1}
                        data-item={item.itemId}
                        onClick={() => onJump(item.itemId)}
                      >
                        {item.number}
                      </button>
                    </li>
                  );
                })}
            </ol>
          </div>
        ))}
      </div>
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
