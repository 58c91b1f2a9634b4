import { describe, expect, it } from 'vitest';
import { rendererSources } from './source-files';

/**
 * Text between a tag's `>` and the next `<` that contains a letter: user-visible text written
 * into JSX instead of coming from the catalogs. Comments are removed first; `=>` is not a tag
 * end, and text holding code punctuation ({ } ( ) = ; & | ?) is code (a comparison or a
 * generic), not prose. Deliberately simple: a regex, not a parser.
 */
export function jsxLiterals(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  const found: string[] = [];
  for (const m of code.matchAll(/(?<![=-])>([^<>{}()=;&|?`]*)<\/?[A-Za-z>]/gu)) {
    const text = m[1]!.trim();
    if (/\p{L}/u.test(text)) found.push(text);
  }
  return found;
}

describe('no literal text in JSX', () => {
  it('the detector finds literal text and ignores expressions', () => {
    expect(jsxLiterals('const a = <p className="x">Hello</p>;')).toEqual(['Hello']);
    expect(jsxLiterals('const a = <span>Сәлем {name}</span>;')).toEqual([]);
    expect(jsxLiterals('const a = <b>\n  Өткізілді\n</b>;')).toEqual(['Өткізілді']);
    expect(jsxLiterals('const a = (\n  <button\n    type="button"\n  >\n    Don\'t: save\n  </button>\n);')).toEqual(["Don't: save"]);
    expect(jsxLiterals('const a = <><dt>Атауы</dt><dd>{x}</dd></>;')).toEqual(['Атауы']);
    expect(jsxLiterals('const a = <p>{t("Nav.calendar")}</p>;')).toEqual([]);
    expect(jsxLiterals('const f = (x: Array<string>) => x.length > 0 && <i />;')).toEqual([]);
    expect(jsxLiterals('const m = new Map<string, Set<string>>();')).toEqual([]);
    expect(jsxLiterals('const b = a > b ? <i /> : <b />; if (x > y) return <p />;')).toEqual([]);
    expect(jsxLiterals('// a comment > with <b>words</b>\nconst a = <p />;')).toEqual([]);
  });

  it('renderer/src/**/*.tsx has none', () => {
    const sources = rendererSources(/\.tsx$/);
    expect(sources.length).toBeGreaterThan(10);
    const offenders = sources.flatMap(({ path, text }) => jsxLiterals(text).map((literal) => `${path}: ${literal}`));
    expect(offenders).toEqual([]);
  });
});
