import { useCallback, useEffect, type FocusEvent } from 'react';
import { forgetField, rememberField, takePendingField } from '../../stores/resume';

/** Puts the caret after the text, where the secretary stopped typing. */
function caretToEnd(el: HTMLElement): void {
  if (el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type === 'text')) {
    el.setSelectionRange(el.value.length, el.value.length);
  }
}

/**
 * Remembers in the core which field of the minutes editor has focus, forgets it when the panel
 * closes, and at launch puts focus back into the remembered field once the editor shows.
 * Returns the focus handler for the editor.
 */
export function useResume(meetingId: string, editorShown: boolean): (event: FocusEvent<HTMLElement>) => void {
  useEffect(() => () => forgetField(), [meetingId]);

  useEffect(() => {
    if (!editorShown) return;
    const field = takePendingField(meetingId);
    if (!field) return;
    const el = document.querySelector<HTMLElement>(`[data-testid="minutes-editor"] [data-testid="${field}"]`);
    if (!el) return;
    el.focus();
    caretToEnd(el);
  }, [meetingId, editorShown]);

  return useCallback((event: FocusEvent<HTMLElement>) => rememberField(meetingId, (event.target as HTMLElement).dataset['testid']), [meetingId]);
}
