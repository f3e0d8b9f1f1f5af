// Vite plugin: keeps the English dictionaries out of the first load.
//
// Each app's dictionary files (i18n.ts, i18n.mall.ts, …) hold both halves, `xxZh` and `xxEn`. The app imports the
// Chinese halves eagerly and `i18n.en.ts` (loaded by `import()`) imports the English ones. A bundler places a
// module in one chunk, so both halves would land in the entry. This plugin resolves the dictionary imports of
// `i18n.en.ts` to a second instance of each file (`?lang=en`): tree-shaking then keeps only the English half in
// the English chunk and only the Chinese half in the entry. The dictionaries are plain constants, so two
// instances behave the same as one.
import type { Plugin } from 'vite';

const ENGLISH_ENTRY = /[\\/]i18n\.en\.ts$/;
const DICTIONARY = /^\.\/i18n(\.\w+)?$/;

export function englishChunk(): Plugin {
  return {
    name: 'linli:english-chunk',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !ENGLISH_ENTRY.test(importer) || !DICTIONARY.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved ? { ...resolved, id: `${resolved.id}?lang=en` } : null;
    },
  };
}
