/** A filter that is on, as a chip: what it keeps, and a button that takes it off. */
export function FilterChip({ label, removeLabel, testId, onRemove }: { label: string; removeLabel: string; testId: string; onRemove: () => void }) {
  return (
    <span className="chip">
      <span className="chip-label">{label}</span>
      <button type="button" className="chip-remove" aria-label={removeLabel} title={removeLabel} data-testid={testId} onClick={onRemove}>
        <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
          <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
    </span>
  );
}
