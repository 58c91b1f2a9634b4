import { useId } from 'react';
import { useAppStore } from '../stores/app.store';
import { useExchangeStore } from '../stores/exchange.store';

export interface FolderFieldText {
  label: string;
  hint: string;
  choose: string;
  missing: string;
}

/**
 * A folder to write into (a USB stick): typed, or on the desktop picked in the system's folder
 * dialog (the platform seam, `exchange:chooseFolder`). `missing`: the form was sent without one.
 */
export function FolderField({
  value,
  onChange,
  missing,
  text,
  testIdPrefix,
}: {
  value: string;
  onChange: (folder: string) => void;
  missing: boolean;
  text: FolderFieldText;
  testIdPrefix: string;
}) {
  const chooseFolder = useExchangeStore((s) => s.chooseFolder);
  const canChooseFolder = useAppStore((s) => s.info?.canChooseFolder ?? false);
  const ids = { input: useId(), hint: useId() };
  return (
    <div className="field">
      <label htmlFor={ids.input}>{text.label}</label>
      <input
        id={ids.input}
        type="text"
        value={value}
        spellCheck={false}
        autoComplete="off"
        aria-describedby={ids.hint}
        aria-invalid={missing || undefined}
        data-testid={`${testIdPrefix}-dir`}
        onChange={(e) => onChange(e.target.value)}
      />
      {canChooseFolder && (
        <button
          type="button"
          className="button"
          data-testid={`${testIdPrefix}-choose-folder`}
          onClick={() =>
            void chooseFolder().then((chosen) => {
              if (chosen.ok && chosen.value !== null) onChange(chosen.value);
            })
          }
        >
          {text.choose}
        </button>
      )}
      <p id={ids.hint} className="hint">
        {text.hint}
      </p>
      {missing && (
        <p className="message message--error" role="alert" data-testid={`${testIdPrefix}-dir-missing`}>
          {text.missing}
        </p>
      )}
    </div>
  );
}
