/** The built CLI (see launch.mjs). */
export const CLI_BUNDLE: string;
export function cliBundleStale(): boolean;
