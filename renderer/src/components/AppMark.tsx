/** The app's mark: a calendar page with a tick (drawn, so the header has no text outside the catalogs). */
export function AppMark() {
  return (
    <svg className="app-mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
      <rect x="3" y="5" width="26" height="24" rx="4" fill="var(--accent)" />
      <rect x="3" y="5" width="26" height="7" rx="3" fill="var(--accent-strong)" />
      <path d="M10 3v5M22 3v5" stroke="var(--accent-strong)" strokeWidth="2.4" strokeLinecap="round" />
      <path d="M10.5 20l4 4 7.5-8" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
