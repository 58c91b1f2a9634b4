import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { COLUMN_WIDTH, clampColumnWidth } from '../../../../shared/domain/issues/issue-columns';

/** A keyboard step, and the larger one with Shift: a few characters, or a word or two. */
const STEP = 8;
const BIG_STEP = 40;

/**
 * The right edge of a column header: dragged with the mouse, or focused and moved with ←/→
 * (the WAI-ARIA window-splitter pattern). `onPreview` follows the drag; `onCommit` stores it.
 */
export function ColumnResizer({ label, width, max, onPreview, onCommit, testId }: { label: string; width: number; max: number; onPreview(px: number | null): void; onCommit(px: number): void; testId: string }) {
  const drag = useRef<{ x: number; width: number; px: number } | null>(null);
  const clamp = (px: number) => Math.min(Math.max(max, width), clampColumnWidth(px));

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture?.(event.pointerId);
    drag.current = { x: event.clientX, width, px: width };
  }
  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    if (!drag.current) return;
    drag.current.px = clamp(drag.current.width + event.clientX - drag.current.x);
    onPreview(drag.current.px);
  }
  function onPointerUp() {
    const done = drag.current;
    drag.current = null;
    onPreview(null);
    if (done && done.px !== done.width) onCommit(done.px);
  }
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const next = { ArrowLeft: width - step, ArrowRight: width + step, Home: COLUMN_WIDTH.min, End: max }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    if (clamp(next) !== width) onCommit(clamp(next));
  }

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={COLUMN_WIDTH.min}
      aria-valuemax={Math.max(max, width)}
      tabIndex={0}
      className="column-resizer"
      data-testid={testId}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onClick={(e) => e.stopPropagation()}
    />
  );
}
