// A zip writer for tools/release.sh where the `zip` command is missing: node's own zlib
// (deflate, crc32), no dependency, no network. Files in sorted order, with their mtime.
//   node tools/zip.mjs OUT.zip BASE_DIR FOLDER
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

const [out, base, folder] = process.argv.slice(2);

function files(dir) {
  return readdirSync(join(base, dir)).sort().flatMap((n) => {
    const rel = `${dir}/${n}`;
    return statSync(join(base, rel)).isDirectory() ? files(rel) : [rel];
  });
}

// MS-DOS time and date of a Date, in UTC (as release.sh runs zip with TZ=UTC).
function dos(d) {
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  const date = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  return [time, date];
}

/** A little-endian record of `size` bytes with `fields`, each [offset, bytes, value]. */
function pack(size, fields) {
  const b = Buffer.alloc(size);
  for (const [at, n, v] of fields) if (n === 2) b.writeUInt16LE(v, at); else b.writeUInt32LE(v, at);
  return b;
}

const locals = [];
const centrals = [];
let offset = 0;
for (const name of files(folder)) {
  const path = join(base, name);
  const data = readFileSync(path);
  const packed = deflateRawSync(data, { level: 9 });
  const [time, date] = dos(statSync(path).mtime);
  const nameBytes = Buffer.from(name, 'utf8');
  const crc = crc32(data);
  // The local header and the central directory's record share these fields, the
  // latter two bytes further (after its "version made by").
  const shared = [[4, 2, 20], [6, 2, 0x0800 /* UTF-8 names */], [8, 2, 8 /* deflate */], [10, 2, time], [12, 2, date],
    [14, 4, crc], [18, 4, packed.length], [22, 4, data.length], [26, 2, nameBytes.length]];
  const local = pack(30, [[0, 4, 0x04034b50], ...shared]);
  locals.push(local, nameBytes, packed);
  const central = pack(46, [[0, 4, 0x02014b50], [4, 2, 20], ...shared.map(([at, n, v]) => [at + 2, n, v]), [42, 4, offset]]);
  centrals.push(central, nameBytes);
  offset += local.length + nameBytes.length + packed.length;
}
const directory = Buffer.concat(centrals);
const end = Buffer.alloc(22);
end.writeUInt32LE(0x06054b50, 0);
end.writeUInt16LE(centrals.length / 2, 8);
end.writeUInt16LE(centrals.length / 2, 10);
end.writeUInt32LE(directory.length, 12);
end.writeUInt32LE(offset, 16);
writeFileSync(out, Buffer.concat([...locals, directory, end]));
