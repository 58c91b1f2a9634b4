/**
 * A package's file on a stick or in a letter: its own extension, so the system opens it with
 * Esep on a double-click (electron-builder.yml fileAssociations) rather than with the archive
 * program. The file is a zip all the same (docs/exchange-format.md), and packages written
 * before the extension existed, named `.zip`, still import.
 */
export const PACKAGE_EXTENSION = '.esep';

/** The extensions a package file may have, the current one first (a file picker's `accept`). */
export const PACKAGE_FILE_EXTENSIONS: readonly string[] = [PACKAGE_EXTENSION, '.zip'];

/** Whether a file's name says it is a package (case-insensitive: Windows names `.ESEP` too). */
export function isPackageFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return PACKAGE_FILE_EXTENSIONS.some((extension) => lower.endsWith(extension) && lower.length > extension.length);
}

/** The name without its package extension (`esep-103230000-2026-H1-3.zip` → `esep-103230000-2026-H1-3`). */
export function packageStem(name: string): string {
  const lower = name.toLowerCase();
  const extension = PACKAGE_FILE_EXTENSIONS.find((e) => lower.endsWith(e) && lower.length > e.length);
  return extension ? name.slice(0, name.length - extension.length) : name;
}
