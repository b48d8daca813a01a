// Draws the toolbar/store icons (a tally mark on a rounded teal square) as PNGs.
// Run once when the design changes: `node scripts/make-icons.mjs`. Output is committed.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function icon(size) {
  const rows = [];
  const r = size * 0.22; // corner radius
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const cx = Math.min(Math.max(x + 0.5, r), size - r);
      const cy = Math.min(Math.max(y + 0.5, r), size - r);
      const inside = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= r;
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      // Four vertical tally strokes crossed by one diagonal.
      const stroke = [0.27, 0.41, 0.55, 0.69].some((sx) => Math.abs(u - sx) < 0.045) && v > 0.24 && v < 0.76;
      const slash = Math.abs(v - (0.78 - (u - 0.18) * 0.85)) < 0.05 && u > 0.18 && u < 0.82;
      if (!inside) row.push(0, 0, 0, 0);
      else if (stroke || slash) row.push(255, 255, 255, 255);
      else row.push(13, 148, 136, 255);
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(new URL('../public/icon/', import.meta.url), { recursive: true });
for (const size of [16, 32, 48, 128]) {
  writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), icon(size));
}
console.log('icons written to public/icon/');
