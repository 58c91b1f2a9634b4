import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../i18n';

/**
 * A side panel beside the screen (not modal: what it changes stays in view). Escape closes it;
 * focus moves to its title on open unless the content focuses a field itself.
 */
export function SidePanel({
  title,
  subtitle,
  onClose,
  testId,
  closeTestId,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  onClose: () => void;
  testId: string;
  closeTestId: string;
  children: ReactNode;
}) {
  const { t } = useT();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const panel = heading.current?.closest('[data-side-panel]');
    if (panel && !panel.contains(document.activeElement)) heading.current?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  }

  return (
    <aside
      className="side-panel side-panel--wide"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      data-testid={testId}
      data-side-panel=""
    >
      <div className="side-panel-head">
        <div className="side-panel-heading">
          <h2 id={titleId} className="side-panel-title" ref={heading} tabIndex={-1}>
            {title}
          </h2>
          {subtitle}
        </div>
        <button type="button" className="icon-button" aria-label={t('Record.close')} title={t('Record.close')} onClick={onClose} data-testid={closeTestId}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      {children}
    </aside>
  );
}
