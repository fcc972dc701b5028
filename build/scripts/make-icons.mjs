// Draws the app icon (a lens over lines of a log) and writes it as PNG for
// electron-builder: build/icon.png (512, the source for the macOS .icns and the
// Windows .ico it derives) and build/icons/<n>x<n>.png (Linux). Shapes are
// signed distance fields, so edges are antialiased without supersampling.
// Deterministic: running it again writes the same bytes.
// Usage: node build/scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const buildDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const DESIGN = 512;

/** Shapes in design units (0..512), painted in order; each returns a signed distance (negative inside). */
const layers = [
  { color: [22, 30, 42], sdf: (x, y) => roundBox(x - 256, y - 256, 224, 224, 96) },
  { color: [40, 56, 76], sdf: (x, y) => roundBox(x - 256, y - 256, 200, 200, 80) },
  { color: [120, 140, 160], sdf: (x, y) => roundBox(x - 196, y - 176, 70, 12, 12) },
  { color: [120, 140, 160], sdf: (x, y) => roundBox(x - 176, y - 226, 50, 12, 12) },
  { color: [232, 104, 88], sdf: (x, y) => roundBox(x - 206, y - 276, 80, 12, 12) },
  { color: [90, 209, 230], sdf: (x, y) => Math.abs(Math.hypot(x - 220, y - 226) - 112) - 18 },
  { color: [90, 209, 230], sdf: (x, y) => segment(x, y, 310, 316, 404, 410) - 26 },
];

function roundBox(px, py, halfWidth, halfHeight, radius) {
  const qx = Math.abs(px) - halfWidth + radius;
  const qy = Math.abs(py) - halfHeight + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function segment(px, py, ax, ay, bx, by) {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function render(size) {
  const scale = DESIGN / size;
  const rgba = Buffer.alloc(size * size * 4);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const x = (col + 0.5) * scale;
      const y = (row + 0.5) * scale;
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const layer of layers) {
        // Coverage of this pixel: the distance in pixels, clamped to one pixel of ramp.
        const coverage = Math.max(0, Math.min(1, 0.5 - layer.sdf(x, y) / scale));
        if (coverage === 0) continue;
        const outA = coverage + a * (1 - coverage);
        r = (layer.color[0] * coverage + r * a * (1 - coverage)) / outA;
        g = (layer.color[1] * coverage + g * a * (1 - coverage)) / outA;
        b = (layer.color[2] * coverage + b * a * (1 - coverage)) / outA;
        a = outA;
      }
      const at = (row * size + col) * 4;
      rgba[at] = Math.round(r);
      rgba[at + 1] = Math.round(g);
      rgba[at + 2] = Math.round(b);
      rgba[at + 3] = Math.round(a * 255);
    }
  }
  return encodePng(size, size, rgba);
}

function encodePng(width, height, rgba) {
  // Each scanline starts with filter type 0 (none); zlib does the compressing.
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let row = 0; row < height; row++) rgba.copy(raw, row * (width * 4 + 1) + 1, row * width * 4, (row + 1) * width * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

mkdirSync(join(buildDir, 'icons'), { recursive: true });
const icon512 = render(512);
writeFileSync(join(buildDir, 'icon.png'), icon512);
writeFileSync(join(buildDir, 'icons', '512x512.png'), icon512);
writeFileSync(join(buildDir, 'icons', '256x256.png'), render(256));
console.log('wrote build/icon.png, build/icons/512x512.png, build/icons/256x256.png');
