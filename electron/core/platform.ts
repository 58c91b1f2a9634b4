/**
 * What only the desktop door can do for the core (the Electron shell passes it in); the
 * browser host and the CLI pass nothing, and such features answer `desktop_only`.
 */
export interface Platform {
  /** Opens a file with the system's default application. */
  openFile?(file: string): Promise<void>;
  /** The system's folder dialog; null when the person cancels it. */
  chooseFolder?(): Promise<string | null>;
}
