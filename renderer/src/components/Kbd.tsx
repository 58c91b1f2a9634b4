import type { ReactNode } from 'react';

/** Keys shown on screen for a shortcut ("Alt+1", "PgUp"): key names are the same in every language. */
export function Shortcuts({ items, label }: { items: ReadonlyArray<{ keys: readonly string[]; action: string }>; label: string }) {
  return (
    <section className="shortcuts" aria-label={label}>
      <h2 className="shortcuts-title">{label}</h2>
      <dl className="shortcuts-list">
        {items.map((item) => (
          <div key={item.keys.join('+')} className="shortcut">
            <dt>
              {item.keys.map((k, i) => (
                <Key key={k} separator={i > 0}>
                  {k}
                </Key>
              ))}
            </dt>
            <dd>{item.action}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Key({ children, separator }: { children: ReactNode; separator: boolean }) {
  return (
    <>
      {separator && <span className="shortcut-sep" aria-hidden="true" />}
      <kbd>{children}</kbd>
    </>
  );
}
