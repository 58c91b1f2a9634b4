/**
 * A report's number: a button that opens the records behind it when there is a filter for them,
 * plain text when there is none (a share, a median, prolonged deadlines, a parent's own row).
 */
export function DrillNumber({ text, title, testId, onOpen }: { text: string; title: string; testId?: string; onOpen?: (() => void) | undefined }) {
  if (!onOpen) return <span data-testid={testId}>{text}</span>;
  return (
    <button type="button" className="drill-link" title={title} data-testid={testId} onClick={onOpen}>
      {text}
    </button>
  );
}
