/**
 * A procedural digit generator: stroke glyphs per digit, drawn with random control-point jitter, slant,
 * rotation, scale, stroke thickness, a smooth (elastic) displacement and blur, then fitted into a 20x20 box
 * and centred by centre of mass in 28x28, as MNIST was made. The code is public; what a validator scores
 * is private only because it seeds the generator with a secret (`generateDigits(secretSeed, n)`), and
 * nobody can run it without that seed. Miners train on the same generator with public seeds.
 */
import { MNIST_SAMPLE_SIZE, MNIST_SIDE, type Dataset } from './data.ts';
import { createPrng, type Prng } from './prng.ts';

type Point = [number, number];
/** A glyph: strokes as polylines in a unit box (x right, y down). */
type Glyph = Point[][];

function arc(cx: number, cy: number, rx: number, ry: number, fromDeg: number, toDeg: number, steps = 14): Point[] {
  const out: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = ((fromDeg + ((toDeg - fromDeg) * i) / steps) * Math.PI) / 180;
    out.push([cx + rx * Math.cos(t), cy + ry * Math.sin(t)]);
  }
  return out;
}

/** A polyline from flat coordinates x0, y0, x1, y1, ... */
function line(...xy: number[]): Point[] {
  const out: Point[] = [];
  for (let i = 0; i + 1 < xy.length; i += 2) out.push([xy[i]!, xy[i + 1]!]);
  return out;
}

/** Two or three variants per digit, so the generator is not one template per class. */
const GLYPHS: readonly (readonly Glyph[])[] = [
  [[arc(0.5, 0.5, 0.32, 0.45, -90, 270, 20)], [arc(0.5, 0.5, 0.26, 0.45, -80, 285, 20)]],
  [
    [line(0.5, 0.03, 0.5, 0.97)],
    [line(0.3, 0.22, 0.55, 0.03, 0.55, 0.97)],
    [line(0.3, 0.2, 0.52, 0.03, 0.52, 0.97), line(0.32, 0.97, 0.72, 0.97)],
  ],
  [
    [[...arc(0.5, 0.3, 0.28, 0.25, 190, 370), ...line(0.2, 0.95, 0.85, 0.95)]],
    [[...arc(0.5, 0.28, 0.3, 0.24, 180, 380), ...line(0.35, 0.75), ...arc(0.4, 0.85, 0.15, 0.1, 200, 340), ...line(0.85, 0.9)]],
  ],
  [
    [arc(0.48, 0.27, 0.26, 0.23, 200, 450), arc(0.48, 0.72, 0.3, 0.25, 270, 520)],
    [line(0.2, 0.05, 0.78, 0.05, 0.45, 0.42), arc(0.48, 0.7, 0.3, 0.27, 270, 520)],
  ],
  [[line(0.68, 0.97, 0.68, 0.03, 0.12, 0.66, 0.9, 0.66)], [line(0.3, 0.03, 0.18, 0.55, 0.88, 0.55), line(0.68, 0.25, 0.68, 0.97)]],
  [
    [line(0.82, 0.05, 0.3, 0.05, 0.26, 0.45), arc(0.48, 0.68, 0.3, 0.27, 225, 510)],
    [line(0.8, 0.04, 0.32, 0.06, 0.28, 0.42, 0.55, 0.4), arc(0.5, 0.68, 0.28, 0.28, 270, 500)],
  ],
  [
    [[...arc(0.8, 0.55, 0.55, 0.5, 240, 180, 8), ...arc(0.5, 0.7, 0.28, 0.25, 180, 540)]],
    [line(0.68, 0.03, 0.3, 0.55), arc(0.5, 0.72, 0.26, 0.24, 0, 360, 18)],
  ],
  [[line(0.12, 0.05, 0.88, 0.05, 0.42, 0.97)], [line(0.12, 0.05, 0.88, 0.05, 0.55, 0.5, 0.45, 0.97), line(0.35, 0.5, 0.75, 0.5)]],
  [
    [arc(0.5, 0.27, 0.23, 0.22, 0, 360, 18), arc(0.5, 0.72, 0.28, 0.25, 0, 360, 18)],
    [[...arc(0.5, 0.27, 0.24, 0.22, 90, 450, 18), ...arc(0.5, 0.72, 0.27, 0.25, -90, 270, 18)]],
  ],
  [
    [arc(0.48, 0.3, 0.26, 0.25, 0, 360, 18), line(0.74, 0.3, 0.62, 0.97)],
    [[...arc(0.5, 0.3, 0.27, 0.25, 20, 380, 18), ...line(0.72, 0.55, 0.5, 0.97)]],
  ],
];

/** Ranges of the random drawing parameters (the "style" of the generated hand). */
const STYLE = {
  jitter: 0.035,
  slant: 0.35,
  rotation: 0.18,
  aspect: 0.2,
  thicknessPx: [0.9, 2.0] as const,
  elasticAmp: 0.04,
  blur: [0.3, 0.9] as const,
  box: 20,
};

function between(prng: Prng, lo: number, hi: number): number {
  return lo + (hi - lo) * prng.next();
}

/** The strokes of one digit, jittered and transformed (still in unit-ish coordinates). */
function drawStrokes(digit: number, prng: Prng): Point[][] {
  const variants = GLYPHS[digit]!;
  const glyph = variants[prng.int(variants.length)]!;
  const slant = between(prng, -STYLE.slant, STYLE.slant);
  const rot = between(prng, -STYLE.rotation, STYLE.rotation);
  const sx = 1 + between(prng, -STYLE.aspect, STYLE.aspect);
  const cos = Math.cos(rot),
    sin = Math.sin(rot);
  // A smooth displacement field (two random low-frequency waves per axis): the elastic distortion.
  const waves = Array.from({ length: 4 }, () => ({
    fx: between(prng, 1, 3),
    fy: between(prng, 1, 3),
    ph: between(prng, 0, 2 * Math.PI),
    a: between(prng, -STYLE.elasticAmp, STYLE.elasticAmp),
  }));
  const warp = (x: number, y: number, w0: number): number =>
    waves[w0]!.a * Math.sin(waves[w0]!.fx * x * Math.PI + waves[w0]!.fy * y * Math.PI + waves[w0]!.ph) +
    waves[w0 + 1]!.a * Math.sin(waves[w0 + 1]!.fy * x * Math.PI - waves[w0 + 1]!.fx * y * Math.PI + waves[w0 + 1]!.ph);
  return glyph.map((stroke) =>
    stroke.map(([x0, y0]): Point => {
      const x = x0 + between(prng, -STYLE.jitter, STYLE.jitter),
        y = y0 + between(prng, -STYLE.jitter, STYLE.jitter);
      const ex = x + warp(x, y, 0),
        ey = y + warp(x, y, 2);
      const cx = (ex - 0.5) * sx - slant * (ey - 0.5),
        cy = ey - 0.5;
      return [cx * cos - cy * sin, cx * sin + cy * cos];
    }),
  );
}

function distToSegment(px: number, py: number, a: Point, b: Point): number {
  const dx = b[0] - a[0],
    dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / len2));
  const qx = a[0] + t * dx - px,
    qy = a[1] + t * dy - py;
  return Math.sqrt(qx * qx + qy * qy);
}

/** Fits strokes into a box of STYLE.box pixels (aspect kept), renders anti-aliased lines of `thickness` px. */
function rasterise(strokes: Point[][], thickness: number, out: Float32Array): void {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const s of strokes)
    for (const [x, y] of s) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  const scale = (STYLE.box - 2 * thickness) / Math.max(maxX - minX, maxY - minY, 1e-6);
  const offX = (MNIST_SIDE - (maxX - minX) * scale) / 2,
    offY = (MNIST_SIDE - (maxY - minY) * scale) / 2;
  const segs: [Point, Point][] = [];
  for (const s of strokes) {
    const px = s.map(([x, y]): Point => [offX + (x - minX) * scale, offY + (y - minY) * scale]);
    for (let i = 1; i < px.length; i++) segs.push([px[i - 1]!, px[i]!]);
  }
  const half = thickness / 2;
  for (let y = 0; y < MNIST_SIDE; y++) {
    for (let x = 0; x < MNIST_SIDE; x++) {
      let d = Infinity;
      for (const [a, b] of segs) d = Math.min(d, distToSegment(x + 0.5, y + 0.5, a, b));
      out[y * MNIST_SIDE + x] = Math.max(0, Math.min(1, half + 0.5 - d));
    }
  }
}

/** Separable Gaussian blur of a 28x28 image in place. */
function blur(img: Float32Array, sigma: number): void {
  const k = [-2, -1, 0, 1, 2].map((i) => Math.exp(-(i * i) / (2 * sigma * sigma)));
  const sum = k.reduce((a, b) => a + b, 0);
  const tmp = new Float32Array(MNIST_SAMPLE_SIZE);
  for (let pass = 0; pass < 2; pass++) {
    const src = pass === 0 ? img : tmp,
      dst = pass === 0 ? tmp : img;
    for (let y = 0; y < MNIST_SIDE; y++) {
      for (let x = 0; x < MNIST_SIDE; x++) {
        let v = 0;
        for (let i = -2; i <= 2; i++) {
          const xx = pass === 0 ? x + i : x,
            yy = pass === 0 ? y : y + i;
          if (xx >= 0 && xx < MNIST_SIDE && yy >= 0 && yy < MNIST_SIDE) v += k[i + 2]! * src[yy * MNIST_SIDE + xx]!;
        }
        dst[y * MNIST_SIDE + x] = v / sum;
      }
    }
  }
}

/** Moves the image so its centre of mass is at the centre pixel (MNIST's centring), then rescales to max 1. */
function centreAndNormalise(img: Float32Array): void {
  let m = 0,
    mx = 0,
    my = 0;
  for (let i = 0; i < MNIST_SAMPLE_SIZE; i++) {
    const v = img[i]!;
    m += v;
    mx += v * (i % MNIST_SIDE);
    my += v * Math.floor(i / MNIST_SIDE);
  }
  if (m === 0) return;
  const dx = Math.round(13.5 - mx / m),
    dy = Math.round(13.5 - my / m);
  const src = Float32Array.from(img);
  let peak = 0;
  for (let y = 0; y < MNIST_SIDE; y++) {
    for (let x = 0; x < MNIST_SIDE; x++) {
      const sx = x - dx,
        sy = y - dy;
      const v = sx >= 0 && sx < MNIST_SIDE && sy >= 0 && sy < MNIST_SIDE ? src[sy * MNIST_SIDE + sx]! : 0;
      img[y * MNIST_SIDE + x] = v;
      peak = Math.max(peak, v);
    }
  }
  if (peak > 0) for (let i = 0; i < MNIST_SAMPLE_SIZE; i++) img[i] = Math.min(1, img[i]! / peak);
}

/** Renders one digit into `out` (784 floats in [0, 1]) with style drawn from `prng`. */
export function renderDigit(digit: number, prng: Prng, out: Float32Array): void {
  if (!Number.isInteger(digit) || digit < 0 || digit > 9) throw new RangeError(`expected a digit 0..9, found ${digit}`);
  const strokes = drawStrokes(digit, prng);
  rasterise(strokes, between(prng, STYLE.thicknessPx[0], STYLE.thicknessPx[1]), out);
  blur(out, between(prng, STYLE.blur[0], STYLE.blur[1]));
  centreAndNormalise(out);
}

/**
 * `count` generated digits, deterministic in `seed` (labels uniform over 0..9). A validator passes a
 * secret-derived seed (nobody else can reproduce its items); miners pass public seeds to get training data.
 */
export function generateDigits(seed: Uint8Array | string, count: number): Dataset {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`expected a positive sample count, found ${count}`);
  const prng = createPrng(seed, 'arena/synth-digits');
  const inputs = new Float32Array(count * MNIST_SAMPLE_SIZE);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const digit = prng.int(10);
    labels[i] = digit;
    renderDigit(digit, prng, inputs.subarray(i * MNIST_SAMPLE_SIZE, (i + 1) * MNIST_SAMPLE_SIZE));
  }
  return { count, sampleSize: MNIST_SAMPLE_SIZE, inputs, labels, indices: Int32Array.from({ length: count }, (_, i) => i) };
}
