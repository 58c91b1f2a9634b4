import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A panel that opens from a button and closes as people expect: a press anywhere outside it,
 * or Escape, which gives the focus back to the button. Spread `onKeyDown` on the root that
 * holds both the button and the panel.
 */
export function usePopover<Root extends HTMLElement = HTMLDivElement>() {
  const [open, setOpen] = useState(false);
  const root = useRef<Root>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
    }
  }

  return { open, setOpen, root, button, onKeyDown };
}
