// Copies what the web client serves from Converse.js's prebuilt dist/ into the jar's resources, under
// <out>/<version>/, and writes <out>/files.txt: the version on its first line, then every copied path, one a line.
// Only listed files are ever served, so the server never turns a request path into a class-path lookup.
// Left out: source maps, the unminified builds, the website styles and OMEMO's libraries (the client runs without
// the OMEMO plugin).
// Text files (scripts, styles, JSON, SVG) also get a gzip copy, <path>.gz, listed after them: the server sends it
// to browsers that accept gzip. Compressing here, once and at the highest level, costs the server nothing at start
// or per request; images, sounds and fonts are compressed already or would gain little, and are left as they are.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { constants, gzipSync } from 'node:zlib';

const [packageDir, out] = process.argv.slice(2);
const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
const dist = join(packageDir, 'dist');
const wanted = [
  'converse.min.js', 'converse.min.css', 'emoji.json', 'images', 'sounds', 'webfonts', 'chunkjs/locales',
];
const served = /\.(js|css|json|png|svg|ico|mp3|ogg|ttf)$/;
const compressible = /\.(js|css|json|svg)$/;

rmSync(out, { recursive: true, force: true });
const files = [];
const copy = (path) => {
  const from = join(dist, path);
  if (statSync(from).isDirectory()) {
    readdirSync(from).sort().forEach((name) => copy(join(path, name)));
  } else if (served.test(path) && !path.endsWith('.map')) {
    mkdirSync(join(out, version, path, '..'), { recursive: true });
    cpSync(from, join(out, version, path));
    files.push(path);
    if (compressible.test(path)) {
      const bytes = readFileSync(from);
      const gzipped = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
      if (gzipped.length < bytes.length) {
        writeFileSync(join(out, version, `${path}.gz`), gzipped);
        files.push(`${path}.gz`);
      }
    }
  }
};
wanted.forEach(copy);
for (const notice of ['LICENSE', 'COPYRIGHT']) {
  cpSync(join(packageDir, notice), join(out, version, notice));
}
writeFileSync(join(out, 'files.txt'), [version, ...files].join('\n') + '\n');
const copies = files.filter((f) => f.endsWith('.gz')).length;
console.log(`perch-webclient: Converse.js ${version}, ${files.length - copies} files and ${copies} gzip copies in `
  + `${relative(process.cwd(), out)}`);
