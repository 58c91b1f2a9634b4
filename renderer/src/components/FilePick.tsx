import type { ChangeEvent, ReactNode } from 'react';

/**
 * A file input shown as one of our buttons. The browser's own control speaks the browser's
 * language (in Electron without a Kazakh locale: "Choose Files / No file chosen", in English)
 * and names no file once the input is emptied so that the same file can be chosen again. The
 * input stays in the page, visually hidden, so the keyboard, the label and tests reach it.
 */
export function FilePick({ id, label, accept, multiple, disabled, primary, describedBy, testId, buttonTestId, onChange, children }: {
  id: string;
  label: ReactNode;
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
  primary?: boolean;
  describedBy?: string;
  testId?: string;
  buttonTestId?: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  /** Beside the button: the chosen file's name, or what to do. */
  children?: ReactNode;
}) {
  const button = ['button', primary ? 'button--primary' : '', disabled ? 'button--disabled' : ''].filter(Boolean).join(' ');
  return (
    <div className="file-pick">
      <input
        id={id}
        type="file"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        aria-describedby={describedBy}
        data-testid={testId}
        onChange={onChange}
      />
      <label htmlFor={id} className={button} data-testid={buttonTestId}>
        {label}
      </label>
      {children}
    </div>
  );
}
