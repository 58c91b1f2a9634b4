/**
 * Preloaded into a CLI process (`node --import ./test/helpers/record-packages.ts …`): on exit it
 * writes to stderr, as one `packages: …` line, every package under node_modules the process
 * loaded, by import or by require, to show which commands load the heavy ones.
 */
import module from 'node:module';

const loaded = new Set<string>();
module.registerHooks({
  resolve(specifier, context, nextResolve) {
    const result = nextResolve(specifier, context);
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(result.url);
    if (match) loaded.add(match[1]!);
    return result;
  },
});
process.on('exit', () => process.stderr.write(`\npackages: ${[...loaded].sort().join(' ')}\n`));
