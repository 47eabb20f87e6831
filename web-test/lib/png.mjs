// Just enough PNG decoding to look at screenshot pixels: 8-bit RGB/RGBA,
// non-interlaced, which is what Chromium and Firefox produce.
import { inflateSync } from 'node:zlib';

/** @param {Buffer} png @returns {{width: number, height: number, pixel: (x: number, y: number) => number[]}} */
export function decodePng(png) {
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, color, , , interlace] = data.subarray(8);
      if (depth !== 8 || interlace !== 0 || (color !== 2 && color !== 6)) throw new Error(`unsupported PNG (depth ${depth}, colour ${color})`);
      channels = color === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[y * stride + i - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + i] : 0;
      const c = y > 0 && i >= channels ? out[(y - 1) * stride + i - channels] : 0;
      let v = line[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + i] = v & 0xff;
    }
  }
  return {
    width,
    height,
    pixel: (x, y) => [...out.subarray(y * stride + x * channels, y * stride + x * channels + 3)],
  };
}

/**
 * Counts pixels near a colour inside a rectangle of a screenshot.
 * @param {Buffer} png
 * @param {{x: number, y: number, width: number, height: number}} rect in screenshot pixels
 * @param {[number, number, number]} rgb
 */
export function countColour(png, rect, rgb, tolerance = 70) {
  const img = decodePng(png);
  let n = 0;
  for (let y = Math.max(0, Math.floor(rect.y)); y < Math.min(img.height, Math.ceil(rect.y + rect.height)); y++) {
    for (let x = Math.max(0, Math.floor(rect.x)); x < Math.min(img.width, Math.ceil(rect.x + rect.width)); x++) {
      const [r, g, b] = img.pixel(x, y);
      if (Math.hypot(r - rgb[0], g - rgb[1], b - rgb[2]) <= tolerance) n++;
    }
  }
  return n;
}
