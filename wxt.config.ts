import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { SUPPORTED_SITE_MATCHES } from './utils/sites/site-matches';

export default defineConfig({
  hooks: {
    // The content script is minified by terser, not esbuild: about 4% smaller gzipped, and it is
    // parsed on every page load of every supported site, within a size budget (scripts/bench-badge.ts).
    // Only it: terser over the tokenizer bundles would add most of a minute to each build.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      config.build = { ...config.build, minify: 'terser', terserOptions: { compress: { passes: 2 } } };
    },
  },
  // Separate output dirs let parallel builds (e.g. CI and a local bench) coexist.
  outDir: process.env.TT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false })],
    build: { chunkSizeWarningLimit: 2048 },
  }),
  manifest: ({ browser }) => ({
    name: 'TokenTally',
    description:
      'Live, local token counts, costs and monthly limits for ChatGPT, Claude, Gemini, the API consoles and Clay.',
    // activeTab lets the popup read the current tab's address to offer "enable on this site".
    // offscreen (Chrome): the counting document keeps tokenizers loaded while the worker is idle.
    permissions: ['storage', 'notifications', 'scripting', 'alarms', 'activeTab', ...(browser === 'firefox' ? [] : ['offscreen'])],
    host_permissions: [...SUPPORTED_SITE_MATCHES],
    // Asked for at run time, one host at a time: a site where the user enables the badge, or the team feed's collector.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    web_accessible_resources: [],
    // What an organisation may preset by policy (Chrome; Firefox reads policies.json without a schema).
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox'
      ? {
          // data_collection_permissions is the newest key used: Firefox 140 (the current ESR)
          // on desktop, 142 on Android. Everything else (MV3 event page, scripting, host
          // permissions granted at install, DecompressionStream) is older. The Firefox suite runs on
          // the ESR named in test/firefox/last-run-on.txt.
          browser_specific_settings: {
            gecko: {
              id: 'tokentally@tokentally.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
