// Builds one bundle per runtime: the extension host (Node, CommonJS, `vscode` external), the
// webview (browser) and the command-line interface (Node). `--watch` rebuilds on change,
// `--production` minifies without source maps, and `--only=webview` (or extension, cli) builds one.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  legalComments: 'none',
};

const allBuilds = {
  extension: {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  webview: {
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'media/build/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
  },
  cli: {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
};

const only = process.argv.find((argument) => argument.startsWith('--only='))?.slice('--only='.length);
const builds = Object.entries(allBuilds)
  .filter(([name]) => only === undefined || name === only)
  .map(([, options]) => options);
if (builds.length === 0) {
  console.error(`esbuild.mjs: unknown --only=${only}; expected extension, webview or cli`);
  process.exit(2);
}

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
