// Installs the built extension into an extensions folder as a copied folder named
// `<publisher>.<name>-<version>`. The folder contains what .vscodeignore lets into a package, as
// `code --install-extension` would unpack it. Run directly, it installs into the folder given as
// its argument, which is how the demo uses it.

import * as fs from 'node:fs';
import * as path from 'node:path';

import { repoRoot } from './codeServer';

/** Files and folders that .vscodeignore keeps, relative to the repository. */
const packagedFiles = ['package.json', 'README.md', 'LICENSE', 'dist/extension.js', 'dist/cli.js'];
const packagedMediaPattern = /\.(css|svg|png)$/;

/** Copies the packaged files into `extensionsDir` and returns the extension's folder. */
export function installExtensionCopy(extensionsDir: string): string {
  const packageJson = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    version: string;
  };
  const target = path.join(
    extensionsDir,
    `${packageJson.publisher}.${packageJson.name}-${packageJson.version}`,
  );
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });

  for (const file of packagedFiles) {
    copyIfPresent(path.join(repoRoot, file), path.join(target, file));
  }
  for (const name of fs.readdirSync(path.join(repoRoot, 'media'))) {
    if (packagedMediaPattern.test(name)) {
      copyIfPresent(path.join(repoRoot, 'media', name), path.join(target, 'media', name));
    }
  }

  const bundle = path.join(repoRoot, 'media/build');
  if (!fs.existsSync(path.join(target, 'dist/extension.js')) || !fs.existsSync(bundle)) {
    throw new Error('dist/extension.js or media/build is missing; run `node esbuild.mjs` first');
  }
  fs.cpSync(bundle, path.join(target, 'media/build'), { recursive: true });
  return target;
}

function copyIfPresent(source: string, target: string): void {
  if (fs.existsSync(source)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(source, target);
  }
}

if (require.main === module) {
  const extensionsDir = process.argv[2];
  if (extensionsDir === undefined) {
    console.error('usage: node --import tsx test/vscode/extensionCopy.ts EXTENSIONS_DIR');
    process.exit(2);
  }
  console.log(installExtensionCopy(path.resolve(extensionsDir)));
}
