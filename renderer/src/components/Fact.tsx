import type { ReactNode } from 'react';

/** One labelled fact of a description list (<dl>): a meeting's details, the app's info. */
export function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="fact" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
