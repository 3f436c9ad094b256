// The frames' own clock for bench/media-latency: the publisher's camera is a canvas that draws the
// time it is drawn (Date.now() modulo 2^32, in ms) as a grid of black and white cells, 32 bits and an
// 8-bit check, large enough to survive encoding, simulcast layers and the composite's scaling; a
// viewer reads the grid back from the frame it shows and subtracts. Publisher and viewers are pages of
// one Chromium on one machine: one clock. Both functions are handed to pages as they are (Playwright
// serialises them), so they use nothing from outside themselves.

/** Init script: every `getUserMedia` asking for video gets the stamped canvas instead of the fake camera (audio stays Chromium's fake). */
export function stampedCamera(): void {
  const W = 640;
  const H = 360;
  const COLS = 8;
  const ROWS = 5;
  const devices = navigator.mediaDevices;
  const original = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
    if (!constraints?.video) return original(constraints);
    const stream = constraints.audio ? await original({ audio: constraints.audio }) : new MediaStream();
    const canvas = document.createElement('canvas');
    canvas.width = W;
    canvas.height = H;
    const ctx = canvas.getContext('2d')!;
    const draw = () => {
      const t = Date.now() >>> 0;
      const bytes = [t >>> 24, (t >>> 16) & 255, (t >>> 8) & 255, t & 255];
      const check = (bytes[0]! ^ bytes[1]! ^ bytes[2]! ^ bytes[3]! ^ 0xa5) & 255;
      const bits = ((BigInt(t) << 8n) | BigInt(check)).toString(2).padStart(40, '0');
      for (let i = 0; i < 40; i++) {
        ctx.fillStyle = bits[i] === '1' ? '#fff' : '#000';
        ctx.fillRect((i % COLS) * (W / COLS), Math.floor(i / COLS) * (H / ROWS), W / COLS, H / ROWS);
      }
    };
    draw();
    const timer = setInterval(draw, 10);
    const track = canvas.captureStream(30).getVideoTracks()[0]!;
    track.addEventListener('ended', () => clearInterval(timer));
    const stop = track.stop.bind(track);
    track.stop = () => {
      clearInterval(timer);
      stop();
    };
    stream.addTrack(track);
    return stream;
  };
}

/**
 * In a viewer's page: read the stamp of every frame `video` presents (`requestVideoFrameCallback`),
 * the grid being at `rect` of the frame (fractions of its width and height; the whole frame by
 * default), and push now − stamp (ms) into `window.__latencies[key]` (frames without a readable stamp
 * are counted in `window.__unread[key]`).
 */
export function readStamps({ selector, key, rect }: { selector: string; key: string; rect?: { x: number; y: number; w: number; h: number } }): void {
  const w = window as unknown as { __latencies?: Record<string, number[]>; __unread?: Record<string, number> };
  w.__latencies ??= {};
  w.__unread ??= {};
  const samples = (w.__latencies[key] = [] as number[]);
  w.__unread[key] = 0;
  const video = document.querySelector(selector) as HTMLVideoElement;
  // The grid's region of the frame drawn into a small canvas, 10×10 pixels a cell: reading it costs
  // little beside the page's own work (a whole 720p frame read back 25 times a second did not).
  const canvas = document.createElement('canvas');
  canvas.width = 80;
  canvas.height = 50;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const r = rect ?? { x: 0, y: 0, w: 1, h: 1 };
  const onFrame = () => {
    const now = Date.now() >>> 0;
    const vw = video.videoWidth;
    const vh = video.videoHeight;
    if (vw && vh) {
      ctx.drawImage(video, r.x * vw, r.y * vh, r.w * vw, r.h * vh, 0, 0, 80, 50);
      const data = ctx.getImageData(0, 0, 80, 50).data;
      let bits = '';
      for (let i = 0; i < 40; i++) {
        const o = ((Math.floor(i / 8) * 10 + 5) * 80 + (i % 8) * 10 + 5) * 4;
        bits += 0.299 * data[o]! + 0.587 * data[o + 1]! + 0.114 * data[o + 2]! > 128 ? '1' : '0';
      }
      const value = BigInt('0b' + bits);
      const t = Number(value >> 8n);
      const check = Number(value & 255n);
      const ok = ((t >>> 24) ^ ((t >>> 16) & 255) ^ ((t >>> 8) & 255) ^ (t & 255) ^ 0xa5) === check;
      if (ok) samples.push((now - t + 2 ** 32) % 2 ** 32);
      else w.__unread![key]!++;
    }
    video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);
}
