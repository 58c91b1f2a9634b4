import { catalogs, type UiLanguage } from '../../shared/i18n';

type Catalog = { [key: string]: string | Catalog };

function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** A language's catalog as dotted key → text (plural forms keep their suffix: `Issues.found_few`). */
export function flatCatalog(lng: UiLanguage): Map<string, string> {
  return flatten(catalogs[lng] as Catalog);
}
