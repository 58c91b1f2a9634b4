import { useEffect, useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { Language } from '../../../../shared/contract/schemas';
import { OFFICIAL_PAGE, type Block, type DocumentModel, type Paragraph, type Run, type TableCell } from '../../../../shared/documents/document';
import { minutesDocument } from '../../../../shared/documents/minutes.document';
import { createI18n } from '../../../../shared/i18n';
import { DEFAULT_LANGUAGE, useT } from '../../i18n';
import { useMeetingsStore } from '../../stores/meetings.store';
import { useMinutesStore } from '../../stores/minutes.store';
import { useSubtree } from '../../hooks/useSubtree';
import { LanguageSwitch } from '../../components/LanguageSwitch';


/** The page geometry for the stylesheet; the @media print rules repeat the margins for @page. */
const SHEET_STYLE = {
  '--sheet-width': `${OFFICIAL_PAGE.widthMm}mm`,
  '--sheet-height': `${OFFICIAL_PAGE.heightMm}mm`,
  '--sheet-padding': `${OFFICIAL_PAGE.marginMm.top}mm ${OFFICIAL_PAGE.marginMm.right}mm ${OFFICIAL_PAGE.marginMm.bottom}mm ${OFFICIAL_PAGE.marginMm.left}mm`,
  '--sheet-font': `"${OFFICIAL_PAGE.font}"`,
  '--sheet-font-size': `${OFFICIAL_PAGE.fontSizePt}pt`,
  '--sheet-line-height': String(OFFICIAL_PAGE.lineSpacing),
} as CSSProperties;

/** The same sheet turned sideways, for a wide table. */
const LANDSCAPE_SHEET_STYLE = { ...SHEET_STYLE, '--sheet-width': `${OFFICIAL_PAGE.heightMm}mm`, '--sheet-height': `${OFFICIAL_PAGE.widthMm}mm` } as CSSProperties;

function DocumentRun({ run }: { run: Run }) {
  const className = [run.bold && 'doc-bold', run.italics && 'doc-italic', run.muted && 'doc-muted'].filter(Boolean).join(' ');
  return className ? <span className={className}>{run.text}</span> : <>{run.text}</>;
}

function DocumentParagraph({ paragraph }: { paragraph: Paragraph }) {
  // Padding, not margin: Word adds the space after one paragraph to the space before the next,
  // where CSS margins would collapse into the larger of the two.
  const style: CSSProperties = {
    textAlign: paragraph.align,
    textIndent: paragraph.firstLineIndentMm ? `${paragraph.firstLineIndentMm}mm` : undefined,
    paddingTop: paragraph.beforePt ? `${paragraph.beforePt}pt` : undefined,
    paddingBottom: paragraph.afterPt ? `${paragraph.afterPt}pt` : undefined,
  };
  return (
    <p className="doc-paragraph" style={style} data-keep-next={paragraph.keepNext || undefined}>
      {paragraph.runs.map((r, i) => (
        <DocumentRun key={i} run={r} />
      ))}
    </p>
  );
}

function DocumentBlock({ block }: { block: Block }) {
  if (block.type === 'paragraph') return <DocumentParagraph paragraph={block} />;
  if (block.type === 'row') {
    return (
      <div className="doc-row">
        {block.cells.map((cell, i) => (
          <div key={i} className="doc-cell" style={{ width: `${cell.widthPct}%` }}>
            {cell.paragraphs.map((p, j) => (
              <DocumentParagraph key={j} paragraph={p} />
            ))}
          </div>
        ))}
      </div>
    );
  }
  if (block.type === 'table') {
    const cell = (c: TableCell, i: number, Tag: 'th' | 'td') => (
      <Tag key={i} rowSpan={c.rowSpan}>
        {c.paragraphs.map((p, j) => (
          <DocumentParagraph key={j} paragraph={p} />
        ))}
      </Tag>
    );
    return (
      <table className="doc-table" style={block.fontSizePt ? { fontSize: `${block.fontSizePt}pt` } : undefined}>
        <colgroup>
          {block.columnsPct.map((w, i) => (
            <col key={i} style={{ width: `${w}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>{block.header.map((c, i) => cell(c, i, 'th'))}</tr>
        </thead>
        <tbody>
          {block.rows.map((r, i) => (
            <tr key={i}>{r.map((c, j) => cell(c, j, 'td'))}</tr>
          ))}
        </tbody>
      </table>
    );
  }
  return <div className="doc-page-break" />;
}

/** A document model as HTML on an A4 sheet: what the DOCX says, laid out the same way. */
export function DocumentSheet({ model }: { model: DocumentModel }) {
  return (
    <article
      className="print-sheet"
      lang={model.language}
      aria-label={model.title}
      style={model.orientation === 'landscape' ? LANDSCAPE_SHEET_STYLE : SHEET_STYLE}
      data-testid="print-sheet"
    >
      {model.blocks.map((block, i) => (
        <DocumentBlock key={i} block={block} />
      ))}
    </article>
  );
}

const FOCUSABLE = 'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/**
 * The print preview of a meeting's minutes: the document as it will print, in a document
 * language chosen here (independent of the UI's), over the whole window. Shows what is typed
 * even before the autosave has sent it. Escape or Close returns to the minutes.
 */
export function PrintPreview({ meetingId, onClose }: { meetingId: string; onClose: () => void }) {
  const { t, lng } = useT();
  const titleId = useId();
  const languageId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [language, setLanguage] = useState<Language>(lng === 'kk' || lng === 'ru' ? lng : DEFAULT_LANGUAGE);
  const minutes = useMinutesStore((s) => s.minutes);
  const body = useMinutesStore((s) => s.body);
  const meeting = useMeetingsStore((s) => s.byId[meetingId] ?? null);
  const subtree = useSubtree(meeting?.unitKato ?? '');
  const documentT = useMemo(() => createI18n(language).t, [language]);

  const model = useMemo(() => {
    const unit = subtree.find((u) => u.depth === 0);
    if (!minutes || !body || !meeting || !unit) return null;
    const localities = subtree.filter((u) => u.depth > 0);
    return minutesDocument({ minutes: { ...minutes, ...body }, meeting, unit, language, localities }, documentT);
  }, [minutes, body, meeting, subtree, language, documentT]);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      // The preview is portalled but React events still bubble to the minutes panel, which
      // would close too.
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    // Focus stays inside: past the last control back to the first, and from the first (or the
    // heading, which is not in the tab order) back to the last.
    const active = document.activeElement as HTMLElement | null;
    if (event.shiftKey && (active === first || !active || !focusable.includes(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <div
      className="print-preview"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      tabIndex={-1}
      ref={dialog}
      onKeyDown={onKeyDown}
      data-testid="print-preview"
    >
      <div className="print-toolbar">
        <h2 id={titleId} className="print-title" ref={heading} tabIndex={-1}>
          {t('Minutes.preview.title')}
        </h2>
        <span id={languageId} className="print-language-label">
          {t('Minutes.preview.language')}
        </span>
        <LanguageSwitch value={language} onChange={setLanguage} variant="toolbar" testIdPrefix="print-lang" labelledBy={languageId} />
        <button type="button" className="button button--primary" disabled={!model} data-testid="print-do" onClick={() => window.print()}>
          {t('Minutes.preview.print')}
        </button>
        <button type="button" className="button" data-testid="print-close" onClick={onClose}>
          {t('Minutes.preview.close')}
        </button>
      </div>
      <div className="print-desk">{model ? <DocumentSheet model={model} /> : <p className="print-loading">{t('Minutes.preview.loading')}</p>}</div>
    </div>,
    document.body,
  );
}

/** The minutes panel's "print preview" button; it owns the preview so focus comes back to it. */
export function PrintPreviewButton({ meetingId }: { meetingId: string }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={button} type="button" className="button button--small" data-testid="minutes-print" onClick={() => setOpen(true)}>
        {t('Minutes.printPreview')}
      </button>
      {open && (
        <PrintPreview
          meetingId={meetingId}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      )}
    </>
  );
}
