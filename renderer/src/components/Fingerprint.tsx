import { Fragment } from 'react';

/**
 * A key fingerprint as people read it out over the phone: monospace groups of four
 * ("1A2B 3C4D 5E6F 7A8B"), large where it is compared, small in a table. The spaces stay in the
 * text, for copying and for a screen reader.
 */
export function Fingerprint({ value, size, testId }: { value: string; size: 'large' | 'small'; testId?: string }) {
  const groups = value.split(' ');
  return (
    <span className={`fingerprint fingerprint--${size}`} data-testid={testId}>
      {groups.map((group, i) => (
        <Fragment key={i}>
          <span className="fingerprint-group">{group}</span>
          {i < groups.length - 1 && ' '}
        </Fragment>
      ))}
    </span>
  );
}
