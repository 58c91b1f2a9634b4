/**
 * Puts text on the clipboard; false when the page may not (no clipboard in this browser, or
 * permission refused), so the caller can say to copy it by hand.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
